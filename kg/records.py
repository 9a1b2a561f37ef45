"""Plain records for the lookup path: the part of :mod:`dataclasses` the lookups use (fields from
the class's annotations, defaults, keyword or positional construction, ``==``, ``repr``, a
recursive :func:`asdict`), without importing it: ``dataclasses`` imports ``inspect`` and ``ast``,
about 13 ms of every ``kg who`` process (a test pins that lookups do not load it).

    class Doc(Record):
        iri: str
        title: str | None = None
        names: list[str] = fresh(list)   # a new list for each record
"""

from __future__ import annotations


class fresh:  # noqa: N801 (used like dataclasses.field(default_factory=…))
    """A default made anew for each record by calling ``make`` (a list, a dict …)."""

    __slots__ = ("make",)

    def __init__(self, make):
        self.make = make


class Record:
    """A record whose fields are its class's annotated names, in order (a subclass adds its own
    after its base's). Fields with a default must follow those without, as in a dataclass."""

    _fields: tuple[str, ...] = ()
    _defaults: dict = {}

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        own = [n for n in cls.__dict__.get("__annotations__", {}) if n not in cls._fields]
        defaults = dict(cls._defaults)
        for name in own:
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
                if isinstance(defaults[name], fresh):
                    delattr(cls, name)
            elif defaults:
                raise TypeError(f"{cls.__name__}: field {name} without a default follows one with a default")
        cls._fields, cls._defaults = (*cls._fields, *own), defaults

    def __init__(self, *args, **kw):
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} takes at most {len(fields)} fields, {len(args)} given")
        for name, value in zip(fields, args, strict=False):
            if name in kw:
                raise TypeError(f"{type(self).__name__}: {name} given twice")
            kw[name] = value
        for name in fields:
            if name in kw:
                value = kw.pop(name)
            elif name in self._defaults:
                value = self._defaults[name]
                if isinstance(value, fresh):
                    value = value.make()
            else:
                raise TypeError(f"{type(self).__name__}: missing field {name}")
            self.__dict__[name] = value
        if kw:
            raise TypeError(f"{type(self).__name__}: no field {', '.join(kw)}")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self._fields)})"

    def __eq__(self, other) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self._fields)

    __hash__ = None  # mutable, compared by value: unhashable, as a dataclass with eq


def asdict(value):
    """A record as a dict of its fields, records inside it (in lists, tuples, dicts) converted too."""
    if isinstance(value, Record):
        return {n: asdict(getattr(value, n)) for n in value._fields}
    if isinstance(value, list | tuple):
        return type(value)(asdict(v) for v in value)
    if isinstance(value, dict):
        return {k: asdict(v) for k, v in value.items()}
    return value
