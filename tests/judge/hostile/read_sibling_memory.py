# expect: wrong_answer
# Other children of the zygote (another submission, or the reference solution running
# beside this one) are not dumpable: their memory and environment cannot be opened.
# Returns a wrong answer when nothing leaked; raises (runtime_error) when something did.
# A sibling that is exiting has no memory map left, and the kernel lets anyone open its
# files and read nothing: only bytes actually read count as a leak.
import os


def vector_sum(values):
    leaked = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        for name in ("mem", "environ", "maps"):
            try:
                with open(f"/proc/{pid}/{name}", "rb") as fh:
                    if fh.read(1):
                        leaked.append(f"{pid}/{name}")
            except OSError:
                pass
    if leaked:
        raise RuntimeError(f"LEAK {leaked}")
    return -1.0
