"""The peak resident memory of this process, in MB, for the benchmarks that report one.

Linux: ``VmHWM`` from /proc/self/status, the kernel's own high-water mark. Elsewhere
``getrusage``'s ``ru_maxrss``, which macOS reports in bytes and other systems in kilobytes.
Benchmarks measure in a child process that does only the measured work, so the peak is its own.
"""

from __future__ import annotations

import resource
import sys


def peak_mb() -> float:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20
