"""Everything about the package is in pyproject.toml; this only makes the wheel carry compiled
catalogues whether or not `manage.py compile_catalogues` ran in the checkout (the .mo files are
not in git): each .po copied into the build is compiled beside it, with polib."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCompiledCatalogues(build_py):
    def run(self):
        super().run()
        import polib

        for po_path in Path(self.build_lib).glob("*/**/locale/*/LC_MESSAGES/*.po"):
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


setup(cmdclass={"build_py": BuildWithCompiledCatalogues})
