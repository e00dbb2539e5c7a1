"""HTML page -> plain text, one paragraph per line, plus the page's title and <meta>.

The text is what an HTML input's `ExtractedDocument.text` holds (spans point into
it), so it depends only on the HTML: elements that never hold the article
(script, style, nav, header, footer, aside, form, ...) are dropped, block elements
end a line, whitespace inside a line is collapsed, entities are unescaped (by the
parser). Page chrome that is plain text (share buttons, breadcrumbs) is left to
`pipeline.ingest.clean`.

HTML parsers take time quadratic in the depth of nesting (every new element looks
through the stack of open ones), so a page nested deeper than `MAX_DEPTH` is first
flattened in one linear pass: tags below that depth are replaced by a line break
(block elements) or dropped (inline ones). No real article nests that deep; the
text and its lines stay the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose whole subtree is dropped.
_DROPPED = (
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "template",
    "iframe",
    "svg",
    "button",
    "select",
    "textarea",
    "object",
    "embed",
)
# Elements that start and end a line.
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "hr",
        "figure",
        "figcaption",
        "address",
        "center",
        "body",
    }
)
# Table cells are separated by a space.
_CELLS = frozenset({"td", "th"})
# <meta> attributes that name the value in `content`.
_META_KEYS = ("property", "name", "itemprop", "http-equiv")
_SPACES = re.compile(r"[^\S\n]+")
_END = object()  # stack marker: the element's children are done
# Pages nest a few dozen elements deep; past this depth the page is flattened first.
MAX_DEPTH = 256
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})\b[^<>]{0,2000}?(/?)>")
_OPTION_TAG = re.compile(r"</?(?:option|optgroup)\b[^<>]{0,2000}>", re.IGNORECASE)
_MANY_OPTIONS = 1000
# Elements that have no end tag, or whose end tag the parser implies (they do not nest).
_NOT_NESTING = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option",
})


@dataclass(frozen=True)
class HtmlText:
    """Plain text of a page (one paragraph per line), its title and its <meta> values."""

    text: str
    title: str | None
    meta: dict[str, str] = field(default_factory=dict)


def html_to_text(html: str) -> HtmlText:
    """Extract the text, the title and the <meta> values of an HTML page."""
    tree = LexborHTMLParser(flattened(_without_options(html)))
    meta = _meta(tree)
    title = _title(tree, meta)
    tree.strip_tags(list(_DROPPED))
    root = tree.body or tree.root
    text = _text_of(root) if root is not None else ""
    return HtmlText(text=text, title=title, meta=meta)


def flattened(html: str, max_depth: int = MAX_DEPTH) -> str:
    """`html` with elements nested deeper than `max_depth` unwrapped, in linear time.

    The depth is counted from the tags as written (elements that do not nest are not
    counted); an unwrapped block element leaves a <br> where each of its tags was, so
    its text keeps its own lines. A page within the depth is returned unchanged.
    """
    if html.count("<") <= max_depth or _depth(html) <= max_depth:
        return html
    parts: list[str] = []
    position = 0
    depth = 0
    kept: dict[str, list[bool]] = {}
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _NOT_NESTING or self_closing:
            continue
        if closing:
            stack = kept.get(name)
            if not stack:
                continue  # a stray end tag: the parser ignores it
            keep = stack.pop()
            if keep:
                depth -= 1
                continue
        else:
            keep = depth < max_depth
            kept.setdefault(name, []).append(keep)
            if keep:
                depth += 1
                continue
        parts.append(html[position : match.start()])
        parts.append("<br>" if name in _BLOCKS else "")
        position = match.end()
    parts.append(html[position:])
    return "".join(parts)


def _without_options(html: str) -> str:
    """The page without <option>/<optgroup> tags when it has many: the parser takes time
    quadratic in the options of one <select>, and selects are dropped anyway."""
    if html.count("<option") + html.count("<OPTION") <= _MANY_OPTIONS:
        return html
    return _OPTION_TAG.sub("", html)


def _depth(html: str) -> int:
    """The deepest nesting of the tags as written (an estimate: the parser may close more)."""
    depth = deepest = 0
    open_count: dict[str, int] = {}
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _NOT_NESTING or self_closing:
            continue
        if closing:
            if open_count.get(name):
                open_count[name] -= 1
                depth -= 1
        else:
            open_count[name] = open_count.get(name, 0) + 1
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        content = node.attributes.get("content")
        if not content:
            continue
        for key in _META_KEYS:
            name = node.attributes.get(key)
            if name:
                meta.setdefault(name.strip().lower(), _collapse(content))
                break
    return meta


def _title(tree: LexborHTMLParser, meta: dict[str, str]) -> str | None:
    """og:title, else the first <h1>, else <title>: the first that is not empty."""
    candidates = [meta.get("og:title")]
    for selector in ("h1", "title"):
        node = tree.css_first(selector)
        candidates.append(node.text(separator=" ") if node is not None else None)
    for candidate in candidates:
        if candidate and (title := _collapse(candidate)):
            return title
    return None


def _text_of(root: LexborNode) -> str:
    """Walk the tree in document order (no recursion: pages nest deeply)."""
    parts: list[str] = []
    stack: list[object] = [root]
    while stack:
        item = stack.pop()
        if item is _END:
            parts.append("\n")
            continue
        assert isinstance(item, LexborNode)
        tag = item.tag
        if tag == "-text":
            parts.append(item.text_content or "")
            continue
        if tag is None or tag.startswith("_"):  # comments, processing instructions
            continue
        if tag in _CELLS:
            parts.append(" ")
        elif tag in _BLOCKS:
            parts.append("\n")
            stack.append(_END)
        children: list[LexborNode] = []
        child = item.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend(reversed(children))
    lines = (_collapse(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
