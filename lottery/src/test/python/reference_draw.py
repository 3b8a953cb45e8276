#!/usr/bin/env python3
"""A second, independent implementation of LOTTERY.md version 1 (draw only), written from the
spec text alone, to check that the Java engine produces byte-identical results.

usage: reference_draw.py SNAPSHOT ENTROPY_FILE  -> the result on stdout
(the entropy is the file's first line, without its LF, read as UTF-8 whatever the locale)
"""
import hashlib, hmac, sys


def parse(data):
    lines = data.decode("utf-8").split("\n")[:-1]
    mechanism = lines[1].split(": ")[1]
    tie = lines[2].split(": ")[1]
    schools, students = {}, []
    for line in lines[3:]:
        tok = line.split(" ")
        if tok[0] == "school":
            schools[tok[1]] = int(tok[2])
        else:
            batches, cur = [], []
            for t in tok[2:]:
                if t == "|":
                    batches.append(cur)
                    cur = []
                else:
                    code, tier = t.split(":")
                    cur.append((code, int(tier)))
            batches.append(cur)
            students.append((tok[1], batches))
    return mechanism, tie, schools, students


def main():
    data = open(sys.argv[1], "rb").read()
    entropy = open(sys.argv[2], "rb").read().decode("utf-8").split("\n")[0]
    mechanism, tie, schools, students = parse(data)
    snap_hash = hashlib.sha256(data).hexdigest()
    seed = hashlib.sha256((snap_hash + "\n" + entropy).encode("utf-8")).digest()

    def number(sid, code=None):
        msg = "student\n" + sid + ("" if code is None else "\nschool\n" + code)
        return int.from_bytes(hmac.new(seed, msg.encode("utf-8"), hashlib.sha256).digest()[:8], "big")

    tiers = {}
    flat = {}
    for sid, batches in students:
        flat[sid] = [c for b in batches for c in b]
        for code, tier in flat[sid]:
            tiers[(sid, code)] = tier

    def key(sid, code):
        n = number(sid, code) if tie == "multiple" else number(sid)
        return (tiers[(sid, code)], n, sid.encode("utf-8"))

    placed = {}
    used = {c: 0 for c in schools}
    nb = max((len(b) for _, b in students), default=1)
    for b in range(nb):
        part = {sid: (batches[b] if b < len(batches) else []) for sid, batches in students if sid not in placed}
        free = {c: schools[c] - used[c] for c in schools}
        if mechanism == "deferred-acceptance":
            nxt = {sid: 0 for sid in part}
            held = {c: [] for c in schools}
            queue = [sid for sid in part]
            while queue:
                new_queue = []
                for sid in queue:
                    lst = part[sid]
                    if nxt[sid] >= len(lst):
                        continue
                    code = lst[nxt[sid]][0]
                    nxt[sid] += 1
                    held[code].append(sid)
                    held[code].sort(key=lambda s: key(s, code))
                    if len(held[code]) > free[code]:
                        rejected = held[code].pop()
                        new_queue.append(rejected)
                queue = new_queue
            for code, hs in held.items():
                for sid in hs:
                    placed[sid] = code
                    used[code] += 1
        else:
            r = 0
            while True:
                applicants = {}
                any_left = False
                for sid, lst in part.items():
                    if sid in placed or r >= len(lst):
                        continue
                    any_left = True
                    applicants.setdefault(lst[r][0], []).append(sid)
                if not any_left:
                    break
                for code in sorted(applicants):
                    for sid in sorted(applicants[code], key=lambda s: key(s, code)):
                        if used[code] < schools[code]:
                            placed[sid] = code
                            used[code] += 1
                r += 1
    out = ["ruxue-lottery-result/1", "snapshot: " + snap_hash, "entropy: " + entropy, "seed: " + seed.hex()]
    for sid, _ in sorted(students, key=lambda s: s[0].encode("utf-8")):
        choices = flat[sid]
        if tie == "multiple" and choices:
            n = number(sid, choices[0][0])
        else:
            n = number(sid)
        if sid in placed:
            rank = [c for c, _ in choices].index(placed[sid]) + 1
            out.append("placed %s %s %d %016x" % (sid, placed[sid], rank, n))
        else:
            out.append("unplaced %s - 0 %016x" % (sid, n))
    sys.stdout.buffer.write(("\n".join(out) + "\n").encode("utf-8"))


main()
