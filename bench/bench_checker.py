"""Checker benchmark: ~1 MB of report-like text, the worst cases of issue 10, and the memory of a
4 MB text full of findings. Every time is also printed as a ratio to one regex pass over the
same text in the same run, so figures from different machines compare.

Run ``python bench/bench_checker.py`` (``--quick`` skips the 4 MB memory case). Asserts nothing.

Before the checker became linear (commit ec0455b) and after (7e6756e), same machine (2 cores
shared with other work, so ±30 %); × regex is the time over one regex pass on the same text:

=====================================  =========  ==================  ======================
case                                   chars      before              after
=====================================  =========  ==================  ======================
report-like text, 1 MB                 381,814    0.40 s, 79–86×      0.60–0.69 s, 30–35×
30,000 full-width digits (90 KB)       30,000     6.2 s, 83,000×      0.03 s, 380×
traditional garbled tail (30 KB)       30,004     40.3 s, 540,000×    0.08 s, 1,000×
traditional slot mojibake              30,000     14.5 s, 195,000×    0.15 s, 1,800×
traditional half converted             29,995     7.3 s, 97,000×      0.15 s, 1,800×
simplified ??h and rare characters     29,995     6.4 s, 79,000×      0.15 s, 1,600×
〔〕 then 20,000 blanks                 20,003     0.98 s, 20,000×     0.03 s, 470×
4 M chars "中,XX" (2 M hits)           4,000,000  400 s, +2.7 GB      1.4 s, +34 MB (stops at
                                                  RSS, 2 M findings   200,000 hits, 1,000 kept)
=====================================  =========  ==================  ======================

With lazy detectors and the issue 15 rules (b893464; a detector runs only when the text holds
one of its triggers), same kind of machine under load: report-like 1 MB 0.18 s, 40×; 30,000
full-width digits 113×; traditional cases 240–610×; 〔〕 then blanks 92×; brackets never closed,
blank months, a year then 30,000 blanks (30 KB each) 102–126×.

The worst cases stay above the report text per character because they are all findings
(a traditional line is converted three times, each finding gets a message).
"""

from __future__ import annotations

import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from huibao.check.checker import check_text
from tests.check.worst_cases import WORST_CASES

# The project's own wording (not copied from the seeds), with defects planted.
SENTENCES = [
    "关于全县疫情防控工作情况的汇报",
    "县防控指挥部：",
    "根据县委、县政府工作要求，现将我局疫情防控工作情况汇报如下：",
    "一、基本情况",
    "截至2020年2月10日18时，全县累计排查返乡人员1260人，其中居家隔离980人、集中隔离280人。",
    "截至月日时，全县累计排查返乡人员人，其中居家隔离人。",
    "二、主要工作及成效",
    "（一）强化组织领导，压实工作责任。",
    "一是成立领导小组，由局长任组长，下设5个工作组；二是建立日报告制度，做到不漏一户。",
    "牢固树立“四个意识”，严格落实“五早”要求，储备N95口罩2万个、KN95口罩5000个。",
    "（二）加强排查管控，筑牢防线。",
    "1.设立3公里管控区，落实14天居家观察，开展第二轮全员核酸检测，发放资料1.2万份。",
    "2.全县复工率达98.4%，专项资金81.328万元已全部拨付到位。",
    "3.XX镇已排查__人，××社区落实居家隔离14户46人，某某街道尚未上报。",
    "三、存在问题",
    "部分企业返岗人员较多,防护物资储备不足;个别小区管理不够到位。",
    "五、下一步工作打算",
    "联系电话：",
    "特此报告。",
]

# The issue's worst cases, sized as reported (30 KB of text, 30,000 full-width digits).
ISSUE_CASES: dict[str, Callable[[], str]] = {
    "30,000 full-width digits (90 KB)": lambda: "１" * 30_000,
    "traditional garbled tail (30 KB)": lambda: "關於會議" + "?a" * 15_000,
    "traditional slot mojibake": lambda: WORST_CASES["traditional slot mojibake"](30_000),
    "traditional half converted": lambda: WORST_CASES["traditional half converted"](30_000),
    "simplified ??h and rare characters": lambda: WORST_CASES["simplified and rare"](30_000),
    "〔〕 then 20,000 blanks": lambda: "〔〕" + " " * 20_000 + "x",
    "〔〕 then 200,000 blanks": lambda: "〔〕" + " " * 200_000 + "x",
    # the bracket-slot and blank-date rules (issue 15)
    "brackets never closed (30 KB)": lambda: WORST_CASES["brackets never closed"](30_000),
    "blank months (30 KB)": lambda: WORST_CASES["blank months"](30_000),
    "year then 30,000 blanks": lambda: WORST_CASES["year then blanks"](30_000),
}
BASELINE = re.compile(r"[，。、；：]")


def build(target_bytes: int = 1_000_000) -> str:
    """Return report-like text of at least ``target_bytes`` UTF-8 bytes."""
    block = "\n".join(SENTENCES) + "\n\n"
    size = len(block.encode("utf-8"))
    return block * (target_bytes // size + 1)


def median_time(fn: Callable[[], object], runs: int) -> float:
    """Return the median wall time of ``runs`` calls of ``fn`` in seconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def regex_pass(text: str) -> float:
    """Return the median time of one ``finditer`` pass over CJK punctuation in ``text``."""
    return median_time(lambda: sum(1 for _ in BASELINE.finditer(text)), 5)


def row(name: str, text: str, runs: int) -> None:
    """Print time, findings and ratio to one regex pass for checking ``text``."""
    result = check_text(text)
    t = median_time(lambda: check_text(text), runs)
    ratio = t / max(regex_pass(text), 1e-6)
    print(
        f"{name:38} {len(text):>9,} {t:>9.3f} s {ratio:>9.0f}×   "
        f"{result.total:>7,} findings ({len(result)} kept)"
    )


def memory_case() -> None:
    """Print time and peak memory growth for 4 M characters with 2 million findings."""
    text = "中,XX" * 1_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    result = check_text(text)
    t = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"{'4 M chars 中,XX (memory)':38} {len(text):>9,} {t:>9.3f} s "
        f"{t / regex_pass(text):>9.0f}×   {result.total:>7,} findings ({len(result)} kept), "
        f"peak +{(peak - before) / 1024:.0f} MB"
    )


def main() -> None:
    check_text("預熱 warm-up：截至月日时 關於")  # build patterns and OpenCC tables once
    print(f"{'case':38} {'chars':>9} {'median':>11} {'× regex':>10}")
    row("report-like text, 1 MB", build(), 5)
    for name, make in ISSUE_CASES.items():
        row(name, make(), 3)
    if "--quick" not in sys.argv:
        memory_case()


if __name__ == "__main__":
    main()
