"""Conversion benchmark: huibao vs raw OpenCC on ~1 MB of text, and a ~100-page .docx end to end.

Run: ``python bench/bench_convert.py``. Prints numbers and ratios; asserts nothing.
Goals: text throughput ≥ 0.8 × raw ``opencc.OpenCC('s2t.json').convert`` on the same text in the
same run; the .docx (≈2,500 paragraphs with formatting runs, tables, header and footer) under
2 s on one core.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx
import opencc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from huibao.convert.converter import ConversionOptions, convert_docx, convert_text
from huibao.convert.detect import detect

# Report-like sentences in huibao's own wording (no seed text is copied here).
SENTENCES = [
    "关于进一步加强干部队伍建设工作的情况汇报",
    "根据县委、县政府的统一部署，现将有关情况汇报如下：",
    "截至目前，全县共排查发热人员一百二十六人，其中居家隔离九十八人、集中隔离二十八人。",
    "一是加强组织领导，成立由余局长任组长的工作专班，明确责任分工，确保各项措施落实到位。",
    "二是强化联防联控，各乡镇干部下沉一线，舍小家为大家，全面开展入户排查和宣传引导工作。",
    "三是规范台账管理，采取线上线下相结合的方式，做到底数清、情况明、措施实。",
    "部分村里面宣传不到位，群众防护意识有待提高，后续保障准备不足，物资储备范围偏窄。",
    "下一步，我们将严格落实各项防控措施，坚持只争朝夕，发扬志愿服务精神，确保人民群众身体健康。",
    "复工率达到百分之九十八点三六，重点企业全部恢复生产，面条、头发护理等生活服务有序开放。",
    "特此报告。",
]


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def make_text(size: int = 1_000_000) -> str:
    lines: list[str] = []
    total = 0
    i = 0
    while total < size:
        line = SENTENCES[i % len(SENTENCES)]
        lines.append(line)
        total += len(line.encode("utf-8")) + 1
        i += 1
    return "\n".join(lines)


def make_docx(paragraphs: int = 2500) -> bytes:
    document = docx.Document()
    document.core_properties.title = SENTENCES[0]
    section = document.sections[0]
    section.header.paragraphs[0].text = "县疫情防控指挥部办公室"
    section.footer.paragraphs[0].text = "第 1 页"
    for i in range(paragraphs):
        sentence = SENTENCES[i % len(SENTENCES)]
        para = document.add_paragraph()
        if i % 3 == 0:  # split a phrase across formatting runs
            cut = len(sentence) // 3
            para.add_run(sentence[:cut])
            para.add_run(sentence[cut : cut * 2]).bold = True
            para.add_run(sentence[cut * 2 :]).italic = True
        else:
            para.add_run(sentence)
        if i % 100 == 99:
            table = document.add_table(rows=4, cols=3)
            for row in table.rows:
                for cell in row.cells:
                    cell.text = "干部人数"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> None:
    text = make_text()
    size_mb = len(text.encode("utf-8")) / 1_000_000
    raw = opencc.OpenCC("s2t.json")
    given = ConversionOptions.parse(to="zh-Hant", source="zh-Hans")
    detected = ConversionOptions.parse(to="zh-Hant")
    taiwan = ConversionOptions.parse(to="zh-Hant-TW", source="zh-Hans")
    convert_text("预热", given)  # build and cache huibao's converter
    raw.convert(text)

    t_raw = best_of(lambda: raw.convert(text))
    t_ours = best_of(lambda: convert_text(text, given))
    t_detect = best_of(lambda: convert_text(text, detected))
    t_changes = best_of(lambda: convert_text(text, given).changes, 2)
    t_tw = best_of(lambda: convert_text(text, taiwan))
    t_raw_tw = best_of(lambda: opencc.OpenCC("s2tw.json").convert(text))
    t_det = best_of(lambda: detect(text))

    print(f"text: {size_mb:.2f} MB, {len(text):,} characters")
    print(f"  raw OpenCC s2t                 {t_raw * 1000:8.1f} ms  {size_mb / t_raw:7.1f} MB/s")
    print(
        f"  huibao zh-Hant (source given)  {t_ours * 1000:8.1f} ms  {size_mb / t_ours:7.1f} MB/s"
        f"  ratio {t_raw / t_ours:.2f} (goal >= 0.8)"
    )
    print(f"  huibao zh-Hant (detected)      {t_detect * 1000:8.1f} ms  ratio {t_raw / t_detect:.2f}")
    print(f"  huibao zh-Hant + .changes      {t_changes * 1000:8.1f} ms  ratio {t_raw / t_changes:.2f}")
    print(f"  raw OpenCC s2tw (incl. build)  {t_raw_tw * 1000:8.1f} ms")
    print(f"  huibao zh-Hant-TW              {t_tw * 1000:8.1f} ms")
    print(f"  detect() alone                 {t_det * 1000:8.1f} ms")

    data = make_docx()
    start = time.perf_counter()
    out, changes = convert_docx(data, ConversionOptions.parse(to="zh-Hant-TW"))
    elapsed = time.perf_counter() - start
    reopened = docx.Document(io.BytesIO(out))
    print(
        f"docx: {len(data) / 1000:.0f} kB, {len(reopened.paragraphs):,} body paragraphs, "
        f"{len(reopened.tables)} tables"
    )
    print(
        f"  convert_docx end to end        {elapsed * 1000:8.1f} ms  "
        f"{len(changes):,} changes (goal < 2000 ms)"
    )


if __name__ == "__main__":
    main()
