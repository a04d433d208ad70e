"""License templates: a named set of packages (with the apps turned off), a usage location and
optional groups, saved from a user and applied to others, in any tenant. Qt-free; the JSON
format is ``docs/templates.md``."""
