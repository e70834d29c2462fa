"""The validation pack: the requirement registry (every rule the product answers to, its
status, where it is enforced) and the tests that try to break each one (issue 16).

``registry`` loads ``requirements.toml`` (shipped as package data); ``markers`` finds the
``@pytest.mark.req`` markers in a source checkout's tests without running them;
``consistency`` holds the two together and ``document`` writes docs/requirements.md.
Nothing here imports Qt or the database layer.
"""
