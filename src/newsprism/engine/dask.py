"""Document stages on a Dask cluster: the same pure ``process_document``, shipped to workers
in batches (``process_batch``: the shared context of a batch is computed once on its worker).

``scheduler="dask"`` starts a local cluster of ``workers`` processes for the run;
``scheduler="tcp://host:8786"`` uses an existing ``dask.distributed`` scheduler whose
workers have newsprism (and the same version of its resources) installed. The main
process stays the only writer: results come back and are saved as they complete.
"""

from __future__ import annotations

from typing import Iterator

from ..errors import ConfigError
from ..model import Document
from .local import StageOutcome, batches, process_batch

# Jobs go out in waves so a 100k-document run never holds every future at once.
_WAVE = 256


def execute_dask(jobs: list[tuple[Document, list[str], dict]], scheduler: str, workers: int,
                 deadline: float | None = None) -> Iterator[tuple[Document, list[StageOutcome]]]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:  # pragma: no cover - dask is a declared dependency
        raise ConfigError("scheduler 'dask' needs dask[distributed] installed",
                          hint="bash scripts/install.sh installs it") from None
    cluster = None
    if scheduler == "dask":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                              hint="start one with `dask scheduler` or use --scheduler dask") from None
    try:
        for i in range(0, len(jobs), _WAVE):
            wave = batches(jobs[i:i + _WAVE], workers)
            futures = {client.submit(process_batch, batch, deadline, pure=False): batch for batch in wave}
            for fut in as_completed(futures):
                for (doc, _, _), outcomes in zip(futures[fut], fut.result()):
                    yield doc, outcomes
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
