"""The review desk's Streamlit pieces (app.py assembles them); every decision goes through checker.review."""
