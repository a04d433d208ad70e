"""``license-desk templates``: named sets of packages (with apps off), usage location and groups.

    license-desk templates list
    license-desk templates show "Sales PL"
    license-desk templates save --from-user anna@contoso.pl "Sales PL"
    license-desk templates apply "Sales PL" --users jan@contoso.pl,ewa@contoso.pl [--yes]
    license-desk templates drift [--department Sales] [--align [--yes]]
    license-desk templates export "Sales PL" sales.json
    license-desk templates import sales.json
    license-desk templates rename "Sales PL" "Sales – Business Standard, PL"
    license-desk templates delete "Sales PL"

Templates live in License Desk's data folder, shared by every tenant: apply with another
tenant's connection options to use one there. New users: ``user create --template NAME``.
The format is ``docs/templates.md``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from desktop.commands.bad_input import Handler, refusing
from desktop.commands.change_options import (
    add_run_options,
    add_users_options,
    country_code,
    run_plan,
    users_of,
)
from desktop.commands.changes import UsageError
from desktop.commands.connection import add_connection_options, open_controller
from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.flow import check_confirm_apply, handles_errors
from desktop.commands.json_output import write_json
from desktop.commands.output import table
from desktop.graph.groups import list_licensed_groups
from desktop.graph.records import Group, Sku
from desktop.licensing.controller import LicenseController
from desktop.licensing.describe import sku_label
from desktop.licensing.types import Plan
from desktop.templates.drift import Drift, align_plan, find_drift
from desktop.templates.file_format import TemplateFileError, template_json
from desktop.templates.model import LicenseTemplate, TemplateError, from_user
from desktop.templates.plans import apply_plan, resolve_groups
from desktop.templates.store import TemplateStore

_bad_input = refusing(TemplateError, TemplateFileError)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "templates",
        help="license templates: save from a user, apply, check drift, share",
        description="Named sets of packages (with apps turned off), usage location and groups.",
    )
    actions = parser.add_subparsers(dest="templates_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the saved templates")
    listing.add_argument("--json", action="store_true", help="print them as JSON")
    show = actions.add_parser("show", help="one template in full")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--json", action="store_true", help="print it as JSON")
    save = actions.add_parser("save", help="save a user's licenses as a template")
    save.add_argument("--from-user", metavar="UPN", required=True, help="the user to copy")
    save.add_argument("name", metavar="NAME")
    save.add_argument(
        "--department",
        metavar="D",
        help="the department it is for (default: "
        "the user's; the drift check compares that department's users)",
    )
    save.add_argument("--usage-location", metavar="CC", help="country code (default: the user's)")
    save.add_argument("--replace", action="store_true", help="replace a template of that name")
    add_connection_options(save)
    apply = actions.add_parser("apply", help="give users a template's licenses")
    apply.add_argument("name", metavar="NAME")
    add_users_options(apply)
    add_run_options(apply)
    drift = actions.add_parser(
        "drift", help="users whose licenses differ from their department's template"
    )
    drift.add_argument("--department", metavar="D", help="only this department")
    drift.add_argument(
        "--align", action="store_true", help="then change them to match (preview, confirm)"
    )
    add_run_options(drift)
    export = actions.add_parser("export", help="write a template to a file to share")
    export.add_argument("name", metavar="NAME")
    export.add_argument("file", metavar="FILE", type=Path)
    imported = actions.add_parser("import", help="add a template from a file")
    imported.add_argument("file", metavar="FILE", type=Path)
    imported.add_argument("--replace", action="store_true", help="replace one of that name")
    rename = actions.add_parser("rename", help="give a template another name")
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")
    delete = actions.add_parser("delete", help="forget a template")
    delete.add_argument("name", metavar="NAME")
    handlers: dict[argparse.ArgumentParser, Handler] = {
        listing: run_list, show: run_show, save: run_save, apply: run_apply, drift: run_drift,
        export: run_export, imported: run_import, rename: run_rename, delete: run_delete,
    }  # fmt: skip
    for sub, handler in handlers.items():
        sub.set_defaults(
            handler=handles_errors(_bad_input(handler)),
            command_name=f"templates {sub.prog.rsplit(' ', 1)[-1]}",
        )


def _packages(template: LicenseTemplate, skus: Sequence[Sku] = ()) -> str:
    index = {s.sku_id: s for s in skus}
    names = []
    for lic in template.licenses:
        name = sku_label(lic.sku_id, index) if lic.sku_id in index else lic.part_number
        off = [n or p for p, n in zip(lic.disabled_plans, lic.disabled_plan_names, strict=True)]
        names.append(f"{name} (without {', '.join(off)})" if off else name)
    return "; ".join(names) or "-"


def run_list(args: argparse.Namespace) -> int:
    templates = TemplateStore().templates
    if args.json:
        write_json([template_json(t) for t in templates], sys.stdout)
        return EXIT_OK
    if not templates:
        print(
            "No templates yet: save one with `license-desk templates save --from-user UPN "
            "NAME` or import one."
        )
        return EXIT_OK
    rows = [
        [t.name, t.department or "-", t.usage_location or "-", _packages(t),
         ", ".join(g.name or g.id for g in t.groups) or "-"]
        for t in templates
    ]  # fmt: skip
    print(table(["Name", "Department", "Location", "Packages", "Groups"], rows))
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    template = TemplateStore().get(args.name)
    if args.json:
        write_json(template_json(template), sys.stdout)
        return EXIT_OK
    print(f"Template:        {template.name}")
    print(f"Department:      {template.department or '-'}")
    print(f"Usage location:  {template.usage_location or '-'}")
    for lic in template.licenses:
        print(f"Package:         {lic.part_number or lic.sku_id} ({lic.sku_id})")
        for plan, name in zip(lic.disabled_plans, lic.disabled_plan_names, strict=True):
            print(f"  app turned off: {name or plan} ({plan})")
    for group in template.groups:
        print(f"Group:           {group.name or group.id}")
    return EXIT_OK


def run_save(args: argparse.Namespace) -> int:
    store = TemplateStore()
    if store.find(args.name) is not None and not args.replace:
        raise TemplateError(
            f"A template named '{args.name}' exists: choose another name or pass --replace."
        )
    controller = open_controller(args)
    try:
        found = controller.refresh_users([args.from_user])
        if not found:
            raise UsageError(f"No such user in the tenant: {args.from_user}.")
        user = found[0]
        skus = controller.list_skus()
        group_ids = sorted(user.granting_group_ids)
        names = controller.client.group_names(group_ids) if group_ids else {}
    finally:
        controller.close()
    template = from_user(
        args.name, user, skus, {gid: Group(gid, names.get(gid, "")) for gid in group_ids}
    )
    template = _with_options(template, args)
    store.save(template, replace_existing=args.replace)
    print(f"Saved template '{template.name}': {_packages(template, skus)}.")
    return EXIT_OK


def _with_options(template: LicenseTemplate, args: argparse.Namespace) -> LicenseTemplate:
    if args.department is not None:
        template = replace(template, department=args.department.strip() or None)
    if args.usage_location:
        template = replace(
            template, usage_location=country_code(args.usage_location, "--usage-location")
        )
    return template


def run_apply(args: argparse.Namespace) -> int:
    template = TemplateStore().get(args.name)
    users = users_of(args)

    def build(controller: LicenseController) -> Plan:
        tenant_groups = list_licensed_groups(controller.client) if template.groups else []
        return apply_plan(template, users, resolve_groups(template, tenant_groups))

    return run_plan(args, build)


def _drift_rows(drifts: Sequence[Drift], skus: Sequence[Sku]) -> list[list[str]]:
    index = {s.sku_id: s for s in skus}

    def names(ids: Sequence[str]) -> str:
        return ", ".join(sku_label(i, index) for i in ids)

    rows = []
    for d in drifts:
        what = []
        if d.missing:
            what.append(f"lacks {names([lic.sku_id for lic in d.missing])}")
        if d.other_apps:
            what.append(f"other apps in {names([lic.sku_id for lic in d.other_apps])}")
        if d.extra:
            what.append(f"also has {names(d.extra)}")
        if d.usage_location:
            what.append(f"usage location {d.user.usage_location or 'none'}, not {d.usage_location}")
        rows.append([d.user.user_principal_name, d.user.department or "", d.template.name,
                     "; ".join(what)])  # fmt: skip
    return rows


def _drift_json(drift: Drift, skus: Sequence[Sku]) -> dict[str, object]:
    parts = {s.sku_id: s.sku_part_number for s in skus}
    return {
        "userPrincipalName": drift.user.user_principal_name,
        "department": drift.user.department,
        "template": drift.template.name,
        "missing": [lic.part_number for lic in drift.missing],
        "otherApps": [lic.part_number for lic in drift.other_apps],
        "extra": [parts.get(sku, sku) for sku in drift.extra],
        "usageLocation": drift.usage_location,
    }


def run_drift(args: argparse.Namespace) -> int:
    templates = TemplateStore().templates
    controller = open_controller(args)
    try:
        users = controller.client.list_users()
        skus = controller.list_skus()
        drifts = find_drift(users, templates, args.department)
        if args.json and not args.align:
            write_json([_drift_json(d, skus) for d in drifts], sys.stdout)
            return EXIT_OK
        out = sys.stderr if args.json else sys.stdout
        if not drifts:
            print("Every user matches their department's template.", file=out)
            if not args.align:
                return EXIT_OK
        else:
            print(table(["User", "Department", "Template", "Differs"], _drift_rows(drifts, skus)),
                  file=out)  # fmt: skip
        if not args.align:
            where = f" --department '{args.department}'" if args.department else ""
            print(f"\n{len(drifts)} user(s) differ. To align them: license-desk templates "
                  f"drift{where} --align", file=out)  # fmt: skip
            return EXIT_OK
        if not drifts:
            return EXIT_OK
        plan: Plan = align_plan(drifts)
        return check_confirm_apply(controller, controller.check(plan), args)
    finally:
        controller.close()


def run_export(args: argparse.Namespace) -> int:
    template = TemplateStore().export(args.name, args.file)
    print(f"Wrote template '{template.name}' to {args.file}.")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    template = TemplateStore().import_file(args.file, replace_existing=args.replace)
    print(f"Imported template '{template.name}': {_packages(template)}.")
    return EXIT_OK


def run_rename(args: argparse.Namespace) -> int:
    renamed = TemplateStore().rename(args.name, args.new_name)
    print(f"Renamed to '{renamed.name}'.")
    return EXIT_OK


def run_delete(args: argparse.Namespace) -> int:
    deleted = TemplateStore().delete(args.name)
    print(f"Deleted template '{deleted.name}'.")
    return EXIT_OK
