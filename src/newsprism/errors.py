"""Errors a person can act on.

Every error carries a short code, a one-line cause and a hint. The CLI prints
``error[CODE]: message`` and ``hint: ...`` (a traceback only with ``--debug``);
a batch run never stops on one bad input: it records the error and goes on.

    NewsprismError
    ├── ConfigError            NP100  a setting has a bad value
    ├── StoreError             NP200  the database cannot be opened, migrated or written
    │   └── StoreBusyError     NP210  another process is writing the store (holder named)
    ├── IngestError            NP300  one input cannot be read (recorded, batch goes on)
    │   ├── DecodeError        NP310  bytes are not text in any encoding we can trust
    │   ├── EmptyInputError    NP320  the input holds no text
    │   ├── TooLargeError      NP330  the input exceeds the size cap
    │   ├── RecordError        NP340  one record (JSONL line, CSV row, feed entry) is malformed
    │   └── FetchError         NP350  a URL cannot or may not be fetched
    │       └── BlockedAddressError NP351 the URL resolves to a private/loopback/link-local address
    ├── StageError             NP400  a document stage failed on one document (recorded)
    │   └── StageTimeout       NP410  a stage ran past its per-document deadline (engine/deadline.py)
    ├── ExportError            NP500  an export or report cannot be written
    └── EvalError              NP600  an evaluation's gold data cannot be read or no longer fits its texts
"""

from __future__ import annotations


class NewsprismError(Exception):
    code = "NP000"
    hint = "run again with --debug for the full traceback"

    def __init__(self, message: str, *, hint: str | None = None):
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__

    def one_line(self) -> str:
        return f"error[{self.code}]: {self.message}"


class ConfigError(NewsprismError):
    code = "NP100"
    hint = "see `newsprism settings` for every setting, its default and its environment variable"


class StoreError(NewsprismError):
    code = "NP200"
    hint = "check the --db path (or NEWSPRISM_DB) is writable and not used by an older newsprism"


class StoreBusyError(StoreError):
    code = "NP210"
    hint = ("wait for that run to finish, or set NEWSPRISM_WRITER_WAIT=SECONDS to wait for it; "
            "reading commands (status, search, serve) work meanwhile")


class IngestError(NewsprismError):
    code = "NP300"
    hint = "the input was kept as raw bytes; `newsprism status --failures` lists it"


class DecodeError(IngestError):
    code = "NP310"
    hint = "convert the file to UTF-8 (e.g. `iconv -f CP1251 -t UTF-8 in.txt > out.txt`) and ingest it again"


class EmptyInputError(IngestError):
    code = "NP320"
    hint = "the file is empty or holds only whitespace/markup; nothing to analyse"


class TooLargeError(IngestError):
    code = "NP330"
    hint = "raise the cap with --max-bytes (NEWSPRISM_MAX_BYTES) or split the input"


class RecordError(IngestError):
    code = "NP340"
    hint = "fix the record in the source file; the other records were ingested"


class FetchError(IngestError):
    code = "NP350"
    hint = "check the URL and your connection; save the page and ingest the file instead"


class BlockedAddressError(FetchError):
    code = "NP351"
    hint = "pass --allow-private-addresses if you really mean to fetch from this network"


class StageError(NewsprismError):
    code = "NP400"
    hint = "the document was kept; `newsprism status --failures` lists the stage and the reason"


class ExportError(NewsprismError):
    code = "NP500"
    hint = "check the output path is writable"


class EvalError(NewsprismError):
    code = "NP600"
    hint = "check the gold file and that the shared folder holds the texts it names"
