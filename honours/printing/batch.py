"""Rendering a batch of certificate summaries: one document, one summary per page.

Shared by the GUI (preview, printer, PDF export) and the CLI. Progress is reported after
each record and cancellation is checked before each, so a long batch can be watched and
stopped; a cancelled PDF is not written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..core.errors import NotFoundError
from ..core.registry import Registry
from .certificate import CertificateOptions, CertificateTypesetter
from .content import certificate_content
from .document import RenderResult, Target, open_document
from .fonts import print_families
from .photo import load_print_photo

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


def check_ids(registry: Registry, ids: Iterable[int]) -> list[int]:
    """The ids as a list, or NotFoundError naming every id that is not in the registry, before
    anything is drawn: a batch with a typo must not produce a PDF missing a person."""
    wanted = list(ids)
    missing = [i for i in dict.fromkeys(wanted) if not registry.exists(i)]
    if missing:
        raise NotFoundError("honouree", ", ".join(str(i) for i in missing))
    return wanted


def render_certificates(registry: Registry, ids: Iterable[int], target: Target,
                        options: CertificateOptions | None = None, progress: Progress | None = None,
                        is_cancelled: IsCancelled | None = None) -> RenderResult:
    """Draw the certificate summary of each id, in order, into `target` (a PDF path, or a
    QPrinter / QPdfWriter). `progress(done, total)` is called after each record."""
    options = options or CertificateOptions()
    wanted = check_ids(registry, ids)
    title = "荣誉证书摘要" if options.language == "zh" else "Certificate of Honour — Summary"
    if len(wanted) == 1:
        title += " — " + registry.honouree(wanted[0]).name
    done = 0
    with open_document(target, options.page_size, title) as document:
        typesetter = CertificateTypesetter(document.units, document.page_rect, options, print_families())
        for honouree_id in wanted:
            if is_cancelled is not None and is_cancelled():
                document.cancelled = True
                break
            honouree = registry.honouree(honouree_id)
            content = certificate_content(honouree, organisation=options.organisation,
                                          issue_date=options.date(), serial_prefix=options.serial_prefix,
                                          language=options.language)
            photo = None
            if content.photo_id is not None:
                photo = load_print_photo(registry.photo_bytes(content.photo_id, "display"))
            typesetter.draw_certificate(document.painter, content, photo, document.new_page)
            done += 1
            if progress is not None:
                progress(done, len(wanted))
    return RenderResult(document.pages, done, document.cancelled)
