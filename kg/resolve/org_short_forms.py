"""A short form a publication makes of one of its own organisations' names: 区征收办 for its
区土地和房屋征收工作办公室, 省机场集团 for its 省民航机场集团. Grammar, not a list of names: the short
form keeps a contiguous part of the full name's core (征收, 机场) and the short form of its suffix
(办 for 办公室, 集团 for 集团), at the same place; it is read as that organisation only when exactly one
name of the publication fits."""

from __future__ import annotations

from kg.models import OrgIdentity

# a short suffix -> the suffixes of the full names it stands for
SUFFIXES = (("办", ("办公室",)), ("集团", ("集团",)))


def _core(body: str, suffixes: tuple[str, ...]) -> str:
    end = next((s for s in suffixes if body.endswith(s)), "")
    return body[: -len(end)] if end else ""


def short_form_of(short: OrgIdentity, names: list[OrgIdentity]) -> OrgIdentity | None:
    """The one organisation of ``names`` whose name ``short`` abbreviates, else None."""
    if short.kind == "collective" or "/" not in short.key:
        return None
    place, body = short.key.split("/", 1)
    for short_suffix, long_suffixes in SUFFIXES:
        core = _core(body, (short_suffix,))
        if len(core) < 2:
            continue
        fits = []
        for full in names:
            fplace, fbody = full.key.split("/", 1) if "/" in full.key else ("", "")
            fcore = _core(fbody, long_suffixes)
            if fplace == place and full.kind != "collective" and core in fcore and len(fcore) > len(core):
                fits.append(full)
        return fits[0] if len(fits) == 1 else None
    return None
