"""Outlets: the shipped registry, the outlets reviewers added, and new names or spellings for them.

What is added here goes into claims.db (checker.store.outlets) and is used by the next analysis.
"""
from __future__ import annotations

from typing import Any, Iterable

import streamlit as st

from checker.errors import CheckerError
from checker.outlets import load_registry
from checker.store.outlets import (
    add_alias,
    add_outlet,
    extra_entries,
    get_stored,
    registry_with_db,
    remove_alias,
    stored_outlets,
    sync_outlets,
)
from checker.ui_state import md_escape, session_db

# The kinds checker/data/outlets.toml uses, plus fact-checkers (whose ClaimReviews are evidence).
OUTLET_KINDS = ["newspaper", "tv", "wire", "site", "magazine", "fact-checker", "other"]


def outlet_rows(entries: Iterable[Any]) -> list[dict[str, Any]]:
    return [
        {"id": e.id, "name": e.name, "aliases": ", ".join(getattr(e, "aliases", ()) or ()),
         "kind": getattr(e, "kind", None) or "", "country": getattr(e, "country", None) or "",
         "origin": getattr(e, "origin", "registry")}
        for e in entries
    ]


def add_outlet_form() -> None:
    with st.form("sources_add_outlet", clear_on_submit=True):
        st.markdown("**Register an outlet the registry lacks**")
        name = st.text_input("Name", key="src_name")
        aliases = st.text_input("Other names, comma-separated (Arabic and English)", key="src_aliases")
        columns = st.columns(2)
        kind = columns[0].selectbox("Kind", OUTLET_KINDS,
                                    key="src_kind")
        country = columns[1].text_input("Country (optional)", key="src_country")
        if st.form_submit_button("Add outlet", key="src_add"):
            try:
                outlet = add_outlet(session_db(), name, aliases=_split(aliases), kind=kind,
                                    country=country.strip() or None)
            except CheckerError as error:
                st.error(str(error))
            else:
                st.success(f"Added {outlet.name} (id {outlet.id}); the next analysis will recognise it.")


def add_alias_form(entries: list[Any]) -> None:
    names = {e.id: e.name for e in entries}
    with st.form("sources_add_alias", clear_on_submit=True):
        st.markdown("**Teach checker another spelling of a known outlet**")
        outlet_id = st.selectbox("Outlet", list(names), format_func=lambda i: f"{names[i]} ({i})", key="src_alias_of")
        alias = st.text_input("New name or spelling", key="src_alias")
        if st.form_submit_button("Add spelling", key="src_add_alias"):
            try:
                db = session_db()
                if get_stored(db, outlet_id) is None:
                    sync_outlets(db)
                outlet = add_alias(db, outlet_id, alias)
            except CheckerError as error:
                st.error(str(error))
            else:
                st.success(f"{outlet.name} is now also known as: {', '.join(outlet.aliases)}")


def added_spellings() -> None:
    """Every spelling reviewers taught, each with a button to take it back."""
    db = session_db()
    taught = [(outlet, alias) for outlet in extra_entries(db) for alias in outlet.aliases]
    st.subheader("Spellings added by reviewers")
    message = st.session_state.pop("src_removed", None)
    if message:
        (st.success if message[0] == "success" else st.error)(message[1])
    if not taught:
        st.caption("No spellings added yet.")
        return
    for number, (outlet, alias) in enumerate(taught):
        left, right = st.columns([6, 1])
        left.markdown(f"**{md_escape(alias)}** → {md_escape(outlet.name)} ({md_escape(outlet.id)})")
        right.button("Remove", key=f"src_remove-{number}", on_click=_remove, args=(outlet.id, alias))


def _remove(outlet_id: str, alias: str) -> None:
    try:
        outlet = remove_alias(session_db(), outlet_id, alias)
    except CheckerError as error:
        st.session_state["src_removed"] = ("error", str(error))
        return
    st.session_state["src_removed"] = ("success", f"Removed the spelling {md_escape(alias)} of {md_escape(outlet.name)}.")


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("،", ",").split(",") if part.strip()]


def main() -> None:
    st.title("Sources")
    try:
        db = session_db()
    except CheckerError as error:
        st.error(str(error))
        st.stop()
    left, right = st.columns(2)
    with left:
        add_outlet_form()
    with right:
        add_alias_form(list(registry_with_db(db).entries()))
    added_spellings()
    st.subheader("Outlets added in this database")
    added = stored_outlets(db)
    if added:
        st.dataframe(outlet_rows(added), hide_index=True, width="stretch")
    else:
        st.caption("No outlets added yet.")
    st.subheader("Shipped registry")
    st.dataframe(outlet_rows(load_registry().entries()), hide_index=True, width="stretch")


main()
