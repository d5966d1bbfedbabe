"""Links between the site's pages, relative so that the same pages work served and as a static copy."""

from __future__ import annotations

from urllib.parse import quote


class Links:
    """Links from one page (its site path: "" for the front page, "commitments/3/", "open-data/x.json")."""

    def __init__(self, here: str, *, static: bool, base_url: str | None) -> None:
        self.here = here
        self.static = static
        self.base_url = base_url

    def to(self, target: str) -> str:
        """Return a relative link to a site path; a static copy names the index.html of a folder."""
        link = "../" * self.here.count("/") + target
        if self.static and (target == "" or target.endswith("/")):
            link += "index.html"
        return link or "./"

    def absolute(self, target: str) -> str | None:
        """Return the absolute address of a site path when OGP_PUBLIC_BASE_URL is set."""
        return self.base_url + target if self.base_url else None

    def data(self, target: str) -> str:
        """Return the address an open-data file gives for a site path: absolute when it can, else site-relative."""
        return self.absolute(target) or target


def file_path(sha256: str, name: str) -> str:
    """Return an evidence file's stable site path: files/<sha256>/<its name, URL-quoted>."""
    return f"files/{sha256}/{quote(name, safe='')}"
