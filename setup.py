"""The one build setting pyproject.toml cannot say: the top-level ``resources/`` folder
(drug catalogue, scales, red flags, fonts, handout texts, translations, icons) goes into
the wheel as the package ``taperdesk.resources.shipped``, where
``taperdesk.resources.root()`` finds it once installed. Everything else is in
pyproject.toml; every ``taperdesk*`` package is still found automatically."""

from setuptools import find_packages, setup

SHIPPED = "taperdesk.resources.shipped"

setup(
    packages=[*find_packages(include=["taperdesk*"]), SHIPPED],
    package_dir={SHIPPED: "resources"},
    package_data={SHIPPED: ["*", "**/*"]},
    exclude_package_data={SHIPPED: ["**/__pycache__/*"]},
)
