// Integration tests wait on a real broker and database; unit tests keep jest's default.
jest.setTimeout(120_000);
