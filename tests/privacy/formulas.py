"""A small evaluator of the workbook's formulas, so the attacker can do what a reader
of the live workbook does: change an input cell (an hourly rate) and read what the
formulas recalculate to.  The change of a value cell when one class's rate goes up by 1
is realisation x that class's hours in the cell's group, even when the workbook shows
no per-class hours at all.  Covers the Excel a report writes: references, ranges,
names, + - * / ^ & and comparisons, SUM SUMPRODUCT IF IFERROR MAX MIN ABS MATCH ROUND
AND OR AVERAGE COUNT.  A formula it cannot read evaluates to None (never a guess)."""
import re

from published import col_index

TOKEN = re.compile(r"""\s*(?:
  (?P<str>"(?:[^"]|"")*")
 |(?P<ref>(?:(?:'[^']+'|[A-Za-z_][\w.]*)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(])
 |(?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)
 |(?P<func>[A-Za-z_][\w.]*)\s*\(
 |(?P<name>[A-Za-z_][\w.]*)
 |(?P<op><>|<=|>=|[-+*/^&=<>(),:%])
)""", re.X)


class Fail(Exception):
    pass


def tokens(f):
    out, i = [], 0
    f = f.strip()
    while i < len(f):
        m = TOKEN.match(f, i)
        if not m or m.end() == i:
            raise Fail(f)
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        i = m.end()
    return out


class Book:
    def __init__(self, pub):
        self.formulas, self.values, self.names = pub.formulas, pub.values, pub.names
        self.override = {}
        self.memo = {}

    def cell(self, sheet, r, c):
        key = (sheet, r, c)
        if key in self.override:
            return self.override[key]
        if key in self.memo:
            return self.memo[key]
        f = self.formulas.get(sheet, {}).get((r, c))
        if isinstance(f, str) and f.startswith("="):
            self.memo[key] = None          # a cycle reads as None
            try:
                v = Parser(self, sheet, tokens(f[1:])).run()
            except (Fail, ZeroDivisionError, TypeError, ValueError, IndexError, OverflowError):
                v = None
            self.memo[key] = v
            return v
        return f

    def evaluate(self, sheet, r, c, override=None):
        self.override = dict(override or {})
        self.memo = {}
        return self.cell(sheet, r, c)


def split_ref(text, sheet):
    if "!" in text:
        s, text = text.rsplit("!", 1)
        sheet = s.strip("'")
    text = text.replace("$", "")
    parts = text.split(":")
    locs = []
    for p in parts:
        m = re.fullmatch(r"([A-Z]+)(\d+)", p)
        locs.append((int(m.group(2)), col_index(m.group(1))))
    return sheet, locs


class Parser:
    def __init__(self, book, sheet, toks):
        self.b, self.sheet, self.t, self.i = book, sheet, toks, 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self, val=None):
        tok = self.peek()
        if val is not None and tok[1] != val:
            raise Fail(val)
        self.i += 1
        return tok

    def run(self):
        v = self.compare()
        if self.i != len(self.t):
            raise Fail("trailing")
        return v

    def compare(self):
        a = self.concat()
        while self.peek()[1] in ("=", "<>", "<", ">", "<=", ">="):
            op = self.take()[1]
            b = self.concat()
            a = ew(a, b, lambda x, y: cmp(op, x, y))
        return a

    def concat(self):
        a = self.add()
        while self.peek()[1] == "&":
            self.take()
            b = self.add()
            a = ew(a, b, lambda x, y: str(x) + str(y))
        return a

    def add(self):
        a = self.mul()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            b = self.mul()
            a = ew(a, b, (lambda x, y: n(x) + n(y)) if op == "+" else (lambda x, y: n(x) - n(y)))
        return a

    def mul(self):
        a = self.power()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            b = self.power()
            a = ew(a, b, (lambda x, y: n(x) * n(y)) if op == "*" else (lambda x, y: n(x) / n(y)))
        return a

    def power(self):
        a = self.unary()
        while self.peek()[1] == "^":
            self.take()
            b = self.unary()
            a = ew(a, b, lambda x, y: n(x) ** n(y))
        return a

    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return ew(self.unary(), 0, lambda x, y: -n(x))
        if self.peek()[1] == "+":
            self.take()
            return self.unary()
        v = self.atom()
        if self.peek()[1] == "%":
            self.take()
            v = ew(v, 0, lambda x, y: n(x) / 100)
        return v

    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return float(val)
        if kind == "str":
            return val[1:-1].replace('""', '"')
        if kind == "ref":
            sheet, locs = split_ref(val, self.sheet)
            if len(locs) == 1:
                return self.b.cell(sheet, *locs[0])
            (r0, c0), (r1, c1) = locs
            return [self.b.cell(sheet, r, c) for r in range(min(r0, r1), max(r0, r1) + 1)
                    for c in range(min(c0, c1), max(c0, c1) + 1)]
        if kind == "name":
            if val.upper() in ("TRUE", "FALSE"):
                return val.upper() == "TRUE"
            loc = self.b.names.get(val.lower())
            if not loc:
                raise Fail(val)
            sheet, c, r = loc
            return self.b.cell(sheet, r, c)
        if kind == "func":
            args = []
            if self.peek()[1] != ")":
                args.append(self.compare())
                while self.peek()[1] == ",":
                    self.take()
                    args.append(self.compare())
            self.take(")")
            return call(val.upper(), args)
        if val == "(":
            v = self.compare()
            self.take(")")
            return v
        raise Fail(str(val))


def n(x):
    if x is None or x == "":
        return 0.0
    if isinstance(x, bool):
        return 1.0 if x else 0.0
    if isinstance(x, (int, float)):
        return float(x)
    raise TypeError(x)


def cmp(op, x, y):
    if isinstance(x, str) or isinstance(y, str):
        x, y = str(x), str(y)
    else:
        x, y = n(x), n(y)
    return {"=": x == y, "<>": x != y, "<": x < y, ">": x > y, "<=": x <= y, ">=": x >= y}[op]


def ew(a, b, f):
    """Element-wise over arrays (ranges), scalars broadcast."""
    if isinstance(a, list) or isinstance(b, list):
        la = a if isinstance(a, list) else None
        lb = b if isinstance(b, list) else None
        size = len(la if la is not None else lb)
        if la is not None and lb is not None and len(la) != len(lb):
            raise ValueError("shape")
        return [f(la[i] if la is not None else a, lb[i] if lb is not None else b) for i in range(size)]
    return f(a, b)


def flat(args):
    for a in args:
        if isinstance(a, list):
            yield from a
        else:
            yield a


def call(fn, args):
    if fn == "SUM":
        return sum(n(x) for x in flat(args) if not isinstance(x, str))
    if fn == "SUMPRODUCT":
        arrs = [a if isinstance(a, list) else [a] for a in args]
        tot = 0.0
        for vals in zip(*arrs):
            p = 1.0
            for v in vals:
                p *= n(v) if not isinstance(v, str) else 0.0
            tot += p
        return tot
    if fn == "IF":
        cond = args[0]
        if isinstance(cond, str):
            raise TypeError(cond)
        return (args[1] if len(args) > 1 else True) if n(cond) else (args[2] if len(args) > 2 else False)
    if fn == "IFERROR":
        return args[1] if args[0] is None else args[0]
    if fn in ("MAX", "MIN"):
        xs = [n(x) for x in flat(args) if isinstance(x, (int, float))]
        return (max if fn == "MAX" else min)(xs) if xs else 0.0
    if fn == "ABS":
        return ew(args[0], 0, lambda x, y: abs(n(x)))
    if fn == "ROUND":
        return round(n(args[0]), int(n(args[1])))
    if fn == "AND":
        return all(n(x) for x in flat(args))
    if fn == "OR":
        return any(n(x) for x in flat(args))
    if fn == "AVERAGE":
        xs = [n(x) for x in flat(args) if isinstance(x, (int, float))]
        return sum(xs) / len(xs)
    if fn == "COUNT":
        return float(sum(1 for x in flat(args) if isinstance(x, (int, float)) and not isinstance(x, bool)))
    if fn == "MATCH":
        want, arr = args[0], args[1] if isinstance(args[1], list) else [args[1]]
        for i, v in enumerate(arr):
            if v is not None and cmp("=", v, want):
                return float(i + 1)
        return None
    raise Fail(fn)


def rate_sensitivities(pub):
    """For every editable hourly-rate cell: (its label, {(sheet, row, col): change of
    the cell's value when the rate goes up by 1}) over every formula cell that moves."""
    book = Book(pub)
    inputs = []
    for sheet, cells in pub.values.items():
        for (r, c), v in cells.items():
            if isinstance(v, str) and re.match(r"\s*Hourly rate\s*[–-]\s*(.+)", v, re.I):
                x = pub.formulas.get(sheet, {}).get((r, c + 1))
                if isinstance(x, (int, float)) and not isinstance(x, bool):
                    inputs.append((re.match(r"\s*Hourly rate\s*[–-]\s*(.+)", v, re.I).group(1), (sheet, r, c + 1), x))
    targets = [(s, r, c) for s, cells in pub.formulas.items() for (r, c), f in cells.items()
               if isinstance(f, str) and f.startswith("=")]
    book.override, book.memo = {}, {}
    base = {t: book.cell(*t) for t in targets}
    # trust only the cells this evaluator reproduces: their cached values are what Excel computed
    cached = lambda t: pub.values.get(t[0], {}).get(t[1:])
    targets = [t for t in targets if isinstance(base[t], float) and isinstance(cached(t), (int, float))
               and abs(base[t] - cached(t)) <= 1e-6 * max(1.0, abs(cached(t)))]
    out = []
    for label, loc, x in inputs:
        moved = {}
        book.override, book.memo = {loc: float(x) + 1.0}, {}
        for t in targets:
            v = book.cell(*t)
            b0 = base[t]
            if isinstance(v, float) and isinstance(b0, float) and abs(v - b0) > 1e-12:
                moved[t] = v - b0
        out.append((label, moved))
    return out
