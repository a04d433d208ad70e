"""What the window says about a license template (through ``tr()``)."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QCoreApplication

from desktop.catalog import sku_name
from desktop.templates.model import LicenseTemplate


def template_note(
    template: LicenseTemplate, absent: Collection[str], *, new_user: bool = False
) -> str:
    """Under the package list once a template is chosen: the packages this tenant lacks (the
    preview lists them as problems) and, for a new user, the groups it leaves out."""
    lines: list[str] = []
    missing = [sku_name(lic.sku_id, lic.part_number or None) for lic in template.licenses
               if lic.sku_id in absent]  # fmt: skip
    if missing:
        lines.append(
            QCoreApplication.translate(
                "TemplateText", "This tenant has no {packages}: the preview shows it as a problem."
            ).format(packages=", ".join(missing))
        )
    if new_user and template.groups:
        names = ", ".join(g.name or g.id for g in template.groups)
        lines.append(
            QCoreApplication.translate(
                "TemplateText",
                "Once the account exists, a second preview adds it to the template's groups "
                "({groups}).",
            ).format(groups=names)
        )
    return "\n".join(lines)
