"""The web form's labels and help lines, in an office's words, with short examples from several
fields of work (flood control, schools, business services, safety inspection, health).

The facts schema keeps its own titles for the API; the form looks a field up here by its path
without row numbers (``counts.breakdown.value``), then by its last two names, then by its name.
A field not listed keeps the schema's title and Chinese description.
"""

from __future__ import annotations

import re

#: path (without row numbers) → (label, help line); "" keeps the schema's text.
WORDS: dict[str, tuple[str, str]] = {
    "title": ("标题", "不填就自动生成，如：关于防汛抢险工作情况的汇报"),
    "unit": ("发文单位", ""),
    "unit.name": ("单位名称", "写全称，如：青禾县应急管理局、南湖街道办事处、市第三中学"),
    "unit.self_reference": ("单位自称", "正文里怎么称呼自己，如：我局、我县、我街道、我校；不填就用单位名称"),
    "recipient": ("报送给", "主送机关，如：县人民政府、区防汛抗旱指挥部、市教育局"),
    "topic": ("汇报什么工作", "如：防汛抢险、秋季开学、营商环境优化、安全生产大检查"),
    "basis": ("依据", "按哪份文件或哪次会议的要求，如：市教育局《关于做好秋季开学工作的通知》要求"),
    "background": ("背景", "为什么开展这项工作，如：7月10日以来，我县遭遇持续强降雨"),
    "overview": ("总体情况", "一两句话概括，如：全区共有中小学52所、在校学生3.1万人"),
    "as_of": ("数据截至", "统计到什么时候，如：2026年7月12日18时、7月12日"),
    "period": ("工作时间段", "工作从哪天到哪天（可不填）"),
    "period.start": ("从", "如：2026年3月2日"),
    "period.end": ("到", "如：2026年3月6日"),
    "signature": ("落款单位", "不填就用单位名称"),
    "signed_on": ("成文日期", "默认今天，如：2026年7月12日"),
    "script": ("文字", "简体，或繁体（台湾、香港用字）"),
    "keep": ("不转换的人名、地名", "转为繁体时整体保留，如：余华、干河村"),
    "counts": ("主要数据", "每项一个数字，如：转移安置群众约1260人、走访企业86家、发放补贴3.2万元"),
    "label": ("事项", "如：转移安置群众、走访企业、排查隐患点"),
    "value": ("数量", "可写 1260、1,260、约1260人、1260余人、1.26万"),
    "measure": ("单位", "如：人、户、家、处、次、万元、%"),
    "approx": ("约数", "数字不确切时选，如“约”“余”“左右”"),
    "scale": ("以“万”表示", "1万以上写作“1.26万人”"),
    "breakdown": ("其中", "总数中的分项，如：其中老人和儿童320人"),
    "note": ("补充说明", "写在这项数字之后，如：均已妥善安置"),
    "id": ("简称", "一般不用填；比率可以直接选事项"),
    "rates": ("比率", "由两项数据算出的百分比，如：隐患整改率＝已整改隐患点÷排查隐患点"),
    "rates.label": ("比率名称", "如：隐患整改率、入学率、办结率"),
    "numerator": ("分子（部分）", "从上面的主要数据中选，如：已整改隐患点"),
    "denominator": ("分母（总数）", "从上面的主要数据中选，如：排查隐患点"),
    "digits": ("小数位数", "如 1 位：94.3%"),
    "measures": ("主要措施", "每项措施一行小标题加具体做法；粘贴几行可一次添加几项"),
    "measures.heading": ("小标题", "如：加强监测预警、优化审批流程、开展入校检查"),
    "phrases": ("四字对句（可不填）", "两个四字短语合成小标题，如：强化统筹、压实责任；填了就代替小标题"),
    "measures.text": ("具体做法", "如：滚动发布预警信息12期，及时通知到村到户"),
    "measures.counts": ("这项措施的数据", "如：发放宣传资料3000份"),
    "achievements": ("工作成效", "如：全县未发生人员伤亡"),
    "problems": ("存在问题", "每行一个问题；粘贴几行可一次添加几项"),
    "next_steps": ("下一步打算", "每行一项打算；粘贴几行可一次添加几项"),
    "suggestions": ("意见建议", "需要上级支持的事项，如：恳请市里支持山塘除险加固资金"),
    "heading": ("小标题（可不填）", ""),
    "text": ("内容", ""),
    "options": ("版式", ""),
    "options.closing": ("结尾写“特此报告。”", ""),
    "options.run_in_headings": ("小标题后接着写正文", "如：（一）加强监测预警。密切关注雨情……"),
    "options.opening": (
        "开头怎么写", "依据开头：根据…要求，现将…汇报如下；背景开头：先写背景；概况开头：先写总体情况"
    ),
    "options.numbering_depth": ("小标题最多几级", "4 级为 一、（一）1.（1）；选 2 级则第三级起不编号"),
}

#: Enum values shown in words (display only; the value sent is the code).
OPTION_WORDS = {"basis": "依据开头", "background": "背景开头", "profile": "概况开头"}


def words_for(path: str) -> tuple[str, str] | None:
    """Return (label, help line) for a field path such as ``counts[0].breakdown[1].value``;
    None when the form should keep the schema's own text."""
    bare = re.sub(r"\[\d+\]", "", path)
    parts = bare.split(".")
    for key in (bare, ".".join(parts[-2:]), parts[-1]):
        if key in WORDS:
            return WORDS[key]
    return None


#: How a unit refers to itself in its own report, by the end of its name (first match wins).
SELF_REFERENCES: tuple[tuple[str, str], ...] = (
    (r"([省市县区镇乡州旗])人民政府$", r"我\1"),
    (r"([省市县区镇乡州旗])政府$", r"我\1"),
    (r"街道(办事处|办)?$", "我街道"),
    (r"社区(居民委员会|居委会)?$", "我社区"),
    (r"村(民委员会|委会)?$", "我村"),
    (r"(学校|中学|小学|大学)$", "我校"),
    (r"幼儿园$", "我园"),
    (r"委员会$", "我委"),
    (r"办公室$", "我办"),
    (r"中心$", "我中心"),
    (r"公司$", "我公司"),
    (r"([局厅委办处科所站队院馆部署])$", r"我\1"),
    (r"([省市县区镇乡])$", r"我\1"),
)


def self_reference_for(unit_name: str) -> str:
    """Return how a unit called ``unit_name`` refers to itself (青禾县应急管理局 → 我局);
    "" when its name does not say (the report then uses the name)."""
    name = re.sub(r"[（(][^（）()]*[）)]$", "", unit_name.strip())
    for pattern, reference in SELF_REFERENCES:
        match = re.search(pattern, name)
        if match:
            return match.expand(reference)
    return ""


def without_kind(message: str, kind_name: str) -> str:
    """Return a validation message without the kind's name in front (情况汇报：应为数字 → 应为数字)."""
    prefix = f"{kind_name}："
    return message[len(prefix):] if message.startswith(prefix) else message
