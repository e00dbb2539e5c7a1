"""Word boundaries of a sentence, segmented by jieba only where a rule asks.

The resolvers read jieba's segmentation in one way only: is this character offset where a
word starts (or ends)? `WordBoundaries` answers exactly as the tokens of spaCy's Chinese
tokenizer in jieba mode would (`jieba.Tokenizer.cut` aligned by
`spacy.util.get_words_and_spaces`), but it segments a block of the sentence (jieba's unit:
a run of Chinese characters, letters and digits between punctuation and spaces) only when an
offset inside that block is asked about. jieba segments each block on its own, so a block cut
alone gives the words it gives inside the sentence.

The private `jieba.Tokenizer` with the domain dictionary (`pipeline/data/jieba_user_dict.txt`)
is built on first use, once per process; jieba's module-level tokenizer is never touched.
Loading jieba's whole prefix dictionary takes about a second, so the first process writes it
to a cache split by first character (beside jieba's own cache, in the temporary directory)
and later processes load only the parts for the characters their blocks start words with:
the same frequencies and total, so the same words.
"""

from __future__ import annotations

import bisect
import hashlib
import marshal
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.logs import import_jieba
from pipeline.resources import data_path

if TYPE_CHECKING:
    import jieba

USER_DICT = "jieba_user_dict.txt"


def make_jieba() -> jieba.Tokenizer:
    """A private jieba tokenizer with the domain dictionary loaded (jieba's logging quiet)."""
    import_jieba()  # (without pkg_resources: pipeline.logs.import_jieba)
    import jieba

    from pipeline.logs import quiet_jieba

    quiet_jieba()
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.load_userdict(str(data_path(USER_DICT)))
    return tokenizer


@lru_cache(maxsize=1)
def shared_jieba() -> jieba.Tokenizer:
    """The tokenizer of this process, built on first use: from the split cache when there is one."""
    cache = _cache_path()
    try:
        return _from_cache(cache)
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        tokenizer = make_jieba()
        _write_cache(tokenizer, cache)
        return tokenizer


class _ShardedFreq:
    """jieba's prefix dictionary (word -> frequency, 0 for a prefix), read by first character.

    jieba reads it with `in`, `[]` and `get` only, always with a non-empty key.
    """

    def __init__(self, shards: dict[str, bytes]) -> None:
        self._raw = shards
        self._loaded: dict[str, dict[str, int]] = {}

    def _shard(self, key: str) -> dict[str, int]:
        if not key:
            return {}
        first = key[0]
        shard = self._loaded.get(first)
        if shard is None:
            raw = self._raw.get(first)
            shard = self._loaded[first] = marshal.loads(raw) if raw is not None else {}
        return shard

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._shard(key)

    def __getitem__(self, key: str) -> int:
        return self._shard(key)[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._shard(key).get(key, default)


def _cache_path() -> Path:
    """The split cache of this jieba and this domain dictionary (a new one when either changes)."""
    import_jieba()  # (without pkg_resources: pipeline.logs.import_jieba)
    import jieba

    digest = hashlib.sha256(jieba.__version__.encode())
    main = Path(jieba.__file__).with_name("dict.txt")
    stat = main.stat()
    digest.update(f"{main}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    digest.update(Path(data_path(USER_DICT)).read_bytes())
    return Path(tempfile.gettempdir()) / f"employment-jieba.{digest.hexdigest()[:20]}.cache"


def _from_cache(path: Path) -> jieba.Tokenizer:
    import_jieba()  # (without pkg_resources: pipeline.logs.import_jieba)
    import jieba
    from jieba import finalseg

    from pipeline.logs import quiet_jieba

    quiet_jieba()
    with path.open("rb") as cache:
        shards, total, force_split = marshal.load(cache)
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = _ShardedFreq(shards)
    tokenizer.total = total
    tokenizer.initialized = True
    for word in force_split:  # what load_userdict does for a word of frequency 0
        finalseg.add_force_split(word)
    return tokenizer


def _write_cache(tokenizer: jieba.Tokenizer, path: Path) -> None:
    """Split the loaded dictionary by first character and write it atomically (best effort)."""
    from jieba import finalseg

    grouped: dict[str, dict[str, int]] = {}
    for word, frequency in tokenizer.FREQ.items():
        if word:
            grouped.setdefault(word[0], {})[word] = frequency
    shards = {first: marshal.dumps(words) for first, words in grouped.items()}
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name)
        with os.fdopen(fd, "wb") as out:
            marshal.dump((shards, tokenizer.total, sorted(finalseg.Force_Split_Words)), out)
        os.replace(temporary, path)
    except OSError:
        pass  # no cache: the next process loads the whole dictionary again


class WordBoundaries:
    """Where the words of `text` start and end; `starts` and `ends` support `in` only."""

    def __init__(self, text: str, tokenizer: jieba.Tokenizer | None = None) -> None:
        self.text = text
        self._tokenizer = tokenizer
        self._outer_starts: set[int] = set()
        self._outer_ends: set[int] = set()
        self._blocks: list[tuple[int, int]] = []  # jieba's blocks [start, end), in order
        self._block_starts: list[int] = []
        self._inner: dict[int, frozenset[int]] = {}  # block index -> boundaries inside it
        # aligned on the first question: about two sentences in three are never asked one
        self._aligned = False
        self.starts = _Side(self, self._outer_starts)
        self.ends = _Side(self, self._outer_ends)

    def aligned(self) -> None:
        """Find the outer boundaries and the blocks, once (before any question is answered)."""
        if not self._aligned:
            self._aligned = True
            self._align()

    def _align(self) -> None:
        """Tokens as spaCy aligns jieba's words, with each block taken as one word.

        A block's words are contiguous and hold no space, so its outer edges are where its
        first word starts and its last ends; what lies inside is asked of `inner`.
        """
        import_jieba()
        from jieba import re_han_default, re_skip_default

        text = self.text
        words: list[tuple[str, bool]] = []  # (word, is a block)
        position = 0
        for piece in re_han_default.split(text):
            if not piece:
                continue
            if re_han_default.match(piece):
                self._blocks.append((position, position + len(piece)))
                words.append((piece, True))
            else:
                for part in re_skip_default.split(piece):
                    if re_skip_default.match(part):
                        words.append((part, False))
                    else:
                        words.extend((char, False) for char in part)
            position += len(piece)
        self._block_starts = [start for start, _ in self._blocks]
        # spacy.util.get_words_and_spaces: whitespace words dropped, gaps become tokens,
        # one plain space after a word is its trailing space
        text_pos = 0
        for word, _ in words:
            if word.isspace():
                continue
            word_start = text.index(word, text_pos) - text_pos
            if word_start > 0:
                self._token(text_pos, text_pos + word_start)
                text_pos += word_start
            self._token(text_pos, text_pos + len(word))
            text_pos += len(word)
            if text_pos < len(text) and text[text_pos] == " ":
                text_pos += 1
        if text_pos < len(text):
            self._token(text_pos, len(text))

    def _token(self, start: int, end: int) -> None:
        self._outer_starts.add(start)
        self._outer_ends.add(end)

    def inner(self, offset: int) -> bool:
        """True when `offset` falls between two words inside one block (segmenting it once)."""
        self.aligned()
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index < 0:
            return False
        start, end = self._blocks[index]
        if not start < offset < end:
            return False
        inner = self._inner.get(index)
        if inner is None:
            tokenizer = self._tokenizer or shared_jieba()
            boundaries = set()
            position = start
            for word in tokenizer.cut(self.text[start:end]):
                position += len(word)
                boundaries.add(position)
            inner = self._inner[index] = frozenset(boundaries)
        return offset in inner


class _Side:
    """The starts or the ends of the words: a set that answers `in`, segmenting lazily."""

    def __init__(self, owner: WordBoundaries, outer: set[int]) -> None:
        self._owner = owner
        self._outer = outer

    def __contains__(self, offset: object) -> bool:
        if not isinstance(offset, int):
            return False
        self._owner.aligned()
        return offset in self._outer or self._owner.inner(offset)
