"""Numbers stripped out of their measure words: ``截至月日时``, ``患者例``, ``〔2020〕号``,
``资金万元``, ``率达%``, ``下设个工作组``.

Each pattern starts with a literal key (a measure word, 月日, %, a bracket) so the engine skips
ahead quickly; the conditions on the text before the key are fixed-width lookbehinds shifted
past it (see :func:`_kf`). Every repetition is bounded or possessive: linear.
"""

from __future__ import annotations

from collections.abc import Iterable

from huibao.check.charsets import CJK, alternation, char_class, variants
from huibao.check.lazy import Detector, chars, detector, once

_END = r"(?=[，,。.、；;：:）)\s」”]|其中|$)"


def detectors() -> list[Detector]:
    """Return every stripped-number detector (built once, each compiled on first use)."""
    return once("numbers", _build)


def _kf(key: str, width: int, *conds: str, rest: str = "") -> str:
    """Return ``key`` first, then its lookbehind conditions shifted past it, then ``rest``.

    A condition ``"!X"``/``"=X"`` means the text before the key must not/must match X;
    several alternatives for one condition are joined with ``"||"``.
    """
    shift = f".{{{width}}}"
    out = [key]
    for cond in conds:
        alts = []
        for alt in cond.split("||"):
            sign, body = alt[0], alt[1:]
            alts.append(f"(?<{sign}{body}{shift})")
        out.append(alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")")
    out.append(rest)
    return "".join(out)


_COMPOUND = ["人次", "户次", "辆次", "车次", "批次", "架次", "台次", "件次", "人天"]


def _build() -> list[Detector]:
    # Anything that already stands for a number (digits, Chinese numerals, approximations, slots).
    numx = "0-9０-９" + char_class("一二三四五六七八九十百千万亿两〇零几数多余半") + "xX_＿*×?？□○"
    num_b = f"[{numx}]"

    no_num = ("!" + num_b, "!" + num_b + r"\s")
    clause = "=[，,、；;：:（(\n]||=^"
    def key(words: str) -> tuple[str, str]:
        """Return the class of ``words`` and their traditional forms, and its characters."""
        body = char_class(words)
        return "[" + body + "]", "".join(chars(body))

    wan, wan_t = key("万")
    tiao, tiao_t = key("条")
    shuang, shuang_t = key("双")
    dun, dun_t = key("吨")
    tai, tai_t = key("台")
    zhi, zhi_t = key("只")
    ge, ge_t = key("个")
    chu, chu_t = key("处")
    # (source, triggers): every match of a source contains one of its triggers (its key)
    sn: list[tuple[str, Iterable[str]]] = [
        # 截至月日时 / 月日 / 年第次
        (_kf("月日", 2, *no_num, "![" + char_class("本每上下当次同该前后个今去明") + "]",
             rest="(?:[时時])?"), ["月日"]),
        (_kf("年第", 2, *no_num, "![" + char_class("本每上下当同该前后今去明全近往历成青少老中新拜周") + "]",
             rest="[" + char_class("次届轮批期") + "]"), ["年第"]),
        ("第(?=[" + char_class("次个批轮期届号") + "](?![" + char_class("第序") + "]))["
         + char_class("次个批轮期届号") + "]", ["第"]),
        # 〔〕6号 (year missing) and 〔2020〕号 (serial missing)
        # (possessive blanks: "〔〕" and 100 000 spaces split every way was quadratic)
        (r"[〔\[【［]\s*+[〕\]】］]\s*+[0-9０-９]*+\s*+号"
         r"|[〔\[【［]\s*+[0-9０-９]{4}\s*+[〕\]】］]\s*+(?=[号號])[号號]", "号號"),
        # .万份 / .余万元 (decimal with the digits gone)
        (_kf(r"\.", 1, "![0-9０-９]", rest="[" + char_class("余多") + "]?[" + char_class("万亿") + "]"), "."),
        # 资金万元 / 超过万人次 (万-scaled count without the number)
        (_kf(wan, 1, *no_num, "![.家" + char_class("超破上逾") + "]",
             rest="(?:[" + char_class("元人份个只件户吨套台辆册张") + "][次]?|余["
             + char_class("人元份个户") + "])"), wan_t),
        # 率达% (percentage without the number)
        (_kf("[%％]", 1, "![0-9０-９.%％xX_]"), "%％"),
        # Compound measures anywhere: 户次, 人次, 批次 ...
        (_kf("(?:" + alternation(_COMPOUND) + ")", 2, *no_num, "=" + CJK,
             "![" + char_class("逐分每各该本同首") + "]", rest="(?![" + char_class("数要序日") + "])"),
         [form for word in _COMPOUND for form in variants(word)]),
        # Count at clause end, measure word after a counting noun/verb: 接触者人, 隔离人 ...
        (_kf("人", 1, *no_num, "=[" + char_class("者员众民属象离察测查访诊治染排返施诫") + "]", rest=_END),
         "人"),
        (_kf("例", 1, *no_num, "=[" + char_class("者诊似染增计共") + "]", rest=_END), "例"),
        (_kf("名", 1, *no_num, "=[" + char_class("者员生工民") + "]", rest=_END), "名"),
        (_kf("家", 1, *no_num, "=[" + char_class("所社位馆院司构校园场") + "]", rest=_END), "家"),
        (_kf(tiao, 1, *no_num, "=[" + char_class("索实息幅语标报议见") + "]", rest=_END), tiao_t),
        (_kf("份", 1, *no_num, "=[" + char_class("书单料卷件册报表") + "]", rest=_END), "份"),
        (_kf("套", 1, *no_num, "=[" + char_class("服罩具装") + "]", rest=_END), "套"),
        (_kf(shuang, 1, *no_num, "=[" + char_class("套靴鞋罩") + "]", rest=_END), shuang_t),
        (_kf(dun, 1, *no_num, "=" + CJK, "![" + char_class("公") + "]", rest=_END), dun_t),
        (_kf("(?:公斤|千克)", 2, *no_num, "=" + CJK, rest=_END), ["公斤", "千克"]),
        (_kf(tai, 1, *no_num, "=[" + char_class("辆备机") + "]", rest="(?=" + CJK + "|[，,。、；;])"),
         tai_t),
        (_kf(zhi, 1, *no_num, "=[" + char_class("罩") + "]", rest=_END), zhi_t),
        # 个 after anything that is not a numeral/determiner (下设个工作组, 口罩个,)
        (_kf(ge, 1, "=" + CJK + "||=[，,、；;：:（(]", *no_num,
             "![" + char_class("这那哪每各整单某逐半真两好若个是有了上下干首挨") + "]",
             rest="(?:(?=" + CJK + ")(?![" + char_class("人别体性案子头儿中把") + "])|" + _END + ")"), ge_t),
        # 接收名留观人员, 名区级领导 (clause start)
        (_kf("名", 1, "=[" + char_class("收纳派抽调选共计") + "]||" + clause,
             rest="(?=[" + char_class("区县市乡镇村党干护志工同学教专留") + "])"), "名"),
        (_kf("家", 1, "=[" + char_class("有共计闭关") + "]||" + clause,
             rest="(?=[" + char_class("企单部机宾酒医商超公旅") + "])"), "家"),
        (_kf("例", 1, clause, rest="(?=[" + char_class("患病确疑在均已") + "])"), "例"),
        (_kf(chu, 1, clause, rest="(?=[" + char_class("发定医隔观检卡站") + "])"), chu_t),
        (_kf("支", 1, "=[" + char_class("区县组建成") + "]", rest="(?=[" + char_class("志党医服突") + "])"),
         "支"),
        # 工作人员小时查验 / ,小时监测
        (_kf("小[时時]", 2, "=" + CJK + "||" + clause, *no_num,
             "![" + char_class("每个半几数多") + "]", rest="(?![候])"), ["小时", "小時"]),
        # N、N防护口罩 (N95、KN95 with the digits gone)
        # (each item checked where it ends, the run taken whole: no retry per item)
        (r"(?<![A-Za-z0-9])[Kk]?N(?:、[Kk]?N(?![A-Za-z0-9]))++(?![A-Za-z0-9])", ["N、"]),
    ]
    return [detector("stripped_number", source, triggers) for source, triggers in sn]
