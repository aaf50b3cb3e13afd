# expect: wrong_answer
# The job's uid maps to an unprivileged host uid, never to host root (uid_map's second
# column is the uid in the parent namespace). Raises (runtime_error) if it maps to 0.
def vector_sum(values):
    for name in ("uid_map", "gid_map"):
        with open(f"/proc/self/{name}") as fh:
            for line in fh:
                inside, outside, count = (int(x) for x in line.split())
                if outside == 0:
                    raise RuntimeError(f"{name} maps {inside} to host root")
    return -1.0
