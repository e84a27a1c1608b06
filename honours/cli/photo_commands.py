"""`honours photo add|list|remove` for bulk photo work."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.i18n import Text
from .base import command
from .commands import _id
from .i18n import _
from .output import open_registry, print_json, say


@command("photo", "add, list or remove an honouree's photos")
def _photo(parser: argparse.ArgumentParser):
    sub = parser.add_subparsers(dest="photo_command", metavar=_("ACTION"), parser_class=type(parser))
    sub.required = True
    add = sub.add_parser("add", help=_("add an image file as a photo"))
    add.add_argument("id", metavar=_("id"), type=_id, help=_("honouree ID"))
    add.add_argument(
        "image", metavar=_("image"), type=Path, help=_("image file (JPEG, PNG, GIF, BMP, TIFF, WebP)")
    )
    add.add_argument("--caption", default="", metavar=_("TEXT"), help=_("caption shown under the photo"))
    add.add_argument("--primary", action="store_true", help=_("make it the primary photo"))
    listing = sub.add_parser("list", help=_("list an honouree's photos"))
    listing.add_argument("id", metavar=_("id"), type=_id, help=_("honouree ID"))
    listing.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    remove = sub.add_parser("remove", help=_("remove a photo"))
    remove.add_argument("photo_id", metavar=_("photo_id"), type=_id, help=_("photo ID"))

    def run(args: argparse.Namespace) -> int:
        registry = open_registry(args)
        if args.photo_command == "add":
            photo = registry.add_photo(args.id, args.image, caption=args.caption, primary=args.primary)
            print(photo.id)
            say(
                Text(
                    "Added photo #{id} ({width}×{height}).",
                    id=photo.id,
                    width=photo.width,
                    height=photo.height,
                ),
                err=True,
            )
        elif args.photo_command == "list":
            registry.honouree(args.id)  # not found → exit 1
            photos = registry.photos(args.id)
            if args.json:
                print_json([p.__dict__ for p in photos])
            else:
                for p in photos:
                    print(
                        f"{p.id:>6} {'*' if p.primary else ' '} {p.width}×{p.height}  {p.original_name}  {p.caption}"
                    )
        else:
            registry.remove_photo(args.photo_id)
            say(Text("Removed photo #{photo_id}.", photo_id=args.photo_id), err=True)
        return 0

    return run
