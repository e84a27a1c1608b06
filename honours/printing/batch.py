"""Rendering a batch of certificate summaries: one document, one summary per page.

Shared by the GUI (preview, printer, PDF export) and the CLI. Progress is reported after
each record and cancellation is checked before each, so a long batch can be watched and
stopped; a cancelled PDF is not written.

Photos are decoded a few records ahead on a worker thread (Pillow only: no Qt object and no
database connection crosses threads), so on two cores the decoding of the next photos
overlaps the drawing of the current page.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor

from ..core.errors import NotFoundError
from ..core.registry import Registry
from .certificate import CertificateOptions, CertificateTypesetter
from .content import CertificateContent, certificate_content
from .document import RenderResult, Target, open_document
from .fonts import print_families
from .photo import DecodedPhoto, decode_for_print, to_print_photo
from .texts import label

Progress = Callable[[int, int], None]
LOOKAHEAD = 4  # records read ahead of the one being drawn
IsCancelled = Callable[[], bool]


def check_ids(registry: Registry, ids: Iterable[int]) -> list[int]:
    """The ids as a list, or NotFoundError naming every id that is not in the registry, before
    anything is drawn: a batch with a typo must not produce a PDF missing a person."""
    wanted = list(ids)
    missing = [i for i in dict.fromkeys(wanted) if not registry.exists(i)]
    if missing:
        raise NotFoundError("honouree", ", ".join(str(i) for i in missing))
    return wanted


def render_certificates(
    registry: Registry,
    ids: Iterable[int],
    target: Target,
    options: CertificateOptions | None = None,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> RenderResult:
    """Draw the certificate summary of each id, in order, into `target` (a PDF path, or a
    QPrinter / QPdfWriter). `progress(done, total)` is called after each record."""
    options = options or CertificateOptions()
    wanted = check_ids(registry, ids)
    title = label("certificate_title", options.language)
    if len(wanted) == 1:
        title += " — " + registry.honouree(wanted[0]).name
    done = 0
    with (
        open_document(target, options.page_size, title) as document,
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="photo-decoder") as decoder,
    ):
        typesetter = CertificateTypesetter(document.units, document.page_rect, options, print_families())
        queue: deque[tuple[CertificateContent, Future[DecodedPhoto | None] | None]] = deque()
        upcoming = iter(wanted)

        def read_ahead() -> None:
            """Keep LOOKAHEAD records read, their photos decoding on the worker."""
            for honouree_id in upcoming:
                content = certificate_content(
                    registry.honouree(honouree_id),
                    organisation=options.organisation,
                    issue_date=options.date(),
                    serial_prefix=options.serial_prefix,
                    language=options.language,
                    reveal_id=options.reveal_id,
                )
                photo = None
                if content.photo_id is not None:
                    photo = decoder.submit(
                        decode_for_print, registry.photo_bytes(content.photo_id, "display")
                    )
                queue.append((content, photo))
                if len(queue) >= LOOKAHEAD:
                    return

        read_ahead()
        while queue:
            if is_cancelled is not None and is_cancelled():
                document.cancelled = True
                for _, pending in queue:
                    if pending is not None:
                        pending.cancel()
                break
            content, pending = queue.popleft()
            read_ahead()
            decoded = pending.result() if pending is not None else None
            photo = to_print_photo(decoded) if decoded is not None else None
            typesetter.draw_certificate(document.painter, content, photo, document.new_page)
            done += 1
            if progress is not None:
                progress(done, len(wanted))
    return RenderResult(document.pages, done, document.cancelled)
