"""The one packaging rule pyproject.toml cannot state: ``resources/`` ships inside the wheel.

The resources live at the top of the checkout (tools, translators and PyInstaller all expect
them there), but a wheel can only carry files that belong to a package. This maps the folder
onto the package ``desktop._resources``, so ``pip install .`` installs them next to the code,
where ``desktop.resources`` looks for them. Everything else is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

RESOURCES_PACKAGE = "desktop._resources"

setup(
    packages=[
        *find_namespace_packages(
            include=["desktop", "desktop.*", "ui", "ui.*"], exclude=["*.__pycache__"]
        ),
        RESOURCES_PACKAGE,
    ],
    package_dir={RESOURCES_PACKAGE: "resources"},
    # What the app reads at run time; translation sources (.ts) and notes stay in the checkout.
    package_data={
        RESOURCES_PACKAGE: [
            "app/*",
            "catalog/*",
            "icons/*.svg",
            "translations/*.qm",
            "licenses/*",
        ]
    },
)
