"""Benchmark: check ~1 MB of report-like text and compare with a single regex pass.

Run ``python bench/bench_checker.py``; prints the median time of a few runs, the findings
count and the ratio against a baseline measured in the same process. No assertions.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from huibao.check.checker import check_text

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


def build(target_bytes: int = 1_000_000) -> str:
    """Return report-like text of at least ``target_bytes`` UTF-8 bytes."""
    block = "\n".join(SENTENCES) + "\n\n"
    size = len(block.encode("utf-8"))
    return block * (target_bytes // size + 1)


def median_time(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    text = build()
    check_text("预热 warm-up：截至月日时")  # build patterns and OpenCC tables once
    baseline_re = re.compile(r"[，。、；：]")
    base = median_time(lambda: sum(1 for _ in baseline_re.finditer(text)), 5)
    count = len(check_text(text))
    t = median_time(lambda: check_text(text), 5)
    mb = len(text.encode("utf-8")) / 1_000_000
    print(f"text: {mb:.2f} MB, {len(text)} chars, {count} findings")
    print(f"check_text median of 5: {t:.3f} s")
    print(f"baseline (one re.finditer pass over CJK punctuation): {base:.4f} s")
    print(f"ratio check_text / baseline: {t / base:.1f}x")


if __name__ == "__main__":
    main()
