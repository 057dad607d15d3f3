"""Evidence that arrives by itself: RSS/Atom, news sitemaps, ClaimReview and Fact Check API feeds.

`python -m checker evidence watch FEEDS.toml [--once]` runs `checker.feeds.watch.watch`;
`feeds/FEEDS.example.toml` lists real outlets' public feeds. Submodules: `config`
(FEEDS.toml), `http` (polite guarded fetching), `parse` (feed formats),
`factcheck` (the Fact Check Tools API shape), `watch` (runs and the loop).
This package imports nothing heavy on its own, so the importer can use `factcheck`.
"""
