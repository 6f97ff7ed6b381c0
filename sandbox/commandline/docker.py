"""Enough of the docker command line to tell whether two docker commands mean the same.

Quizzes on building and pushing the course's image ask learners to type
docker commands; `docker image build --tag x .` and `docker build -t x .` are
the same answer. Only meaning is needed here, never execution, so flags
outside these tables are accepted as typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from sandbox.commandline.flagparse import FlagTable, ParsedFlags, parse_flags
from sandbox.commandline.flagspec import specs

_GLOBAL = "--config='' -c, --context='' -D, --debug=false -H, --host=[] -l, --log-level='info'"
_FLAGS = {
    "build": "--build-arg=[] -f, --file='' --label=[] --load=false --no-cache=false "
    "--platform='' --progress='auto' --pull=false --push=false -q, --quiet=false "
    "-t, --tag=[] --target=''",
    "run": "-d, --detach=false --entrypoint='' -e, --env=[] -i, --interactive=false "
    "--name='' --network='' --platform='' -p, --publish=[] --rm=false -t, --tty=false "
    "-u, --user='' -v, --volume=[] -w, --workdir=''",
    "exec": "-d, --detach=false -e, --env=[] -i, --interactive=false -t, --tty=false "
    "-u, --user='' -w, --workdir=''",
    "push": "-a, --all-tags=false --platform='' -q, --quiet=false",
    "pull": "-a, --all-tags=false --platform='' -q, --quiet=false",
    "images": "-a, --all=false -f, --filter=[] --format='' --no-trunc=false -q, --quiet=false",
    "ps": "-a, --all=false -f, --filter=[] --format='' -n, --last=-1 -l, --latest=false "
    "--no-trunc=false -q, --quiet=false -s, --size=false",
    "login": "-p, --password='' --password-stdin=false -u, --username=''",
    "logs": "-f, --follow=false --since='' -n, --tail='all' -t, --timestamps=false",
    "rm": "-f, --force=false -l, --link=false -v, --volumes=false",
    "rmi": "-f, --force=false --no-prune=false",
    "stop": "-s, --signal='' -t, --time=0",
}
# Management-command spellings and their classic short forms.
_CANONICAL = {
    ("image", "build"): "build", ("buildx", "build"): "build", ("builder", "build"): "build",
    ("image", "push"): "push", ("image", "pull"): "pull", ("image", "tag"): "tag",
    ("image", "ls"): "images", ("image", "list"): "images", ("image", "rm"): "rmi",
    ("container", "run"): "run", ("container", "exec"): "exec", ("container", "ls"): "ps",
    ("container", "list"): "ps", ("container", "ps"): "ps", ("container", "rm"): "rm",
    ("container", "stop"): "stop", ("container", "logs"): "logs",
}
_NOT_INTERSPERSED = {"run", "exec"}


def parse_docker(words: Sequence[str]) -> tuple[str, ParsedFlags]:
    """The canonical docker command (`build`, `push`, ...) and its parsed flags.

    Raises:
        CommandSyntaxError: for a bad value of a known flag.
    """
    position = next((i for i, word in enumerate(words) if not word.startswith("-")), len(words))
    before, rest = list(words[:position]), list(words[position:])
    verb = ""
    if rest:
        verb = rest.pop(0)
        if rest and (verb, rest[0]) in _CANONICAL:
            verb = _CANONICAL[(verb, rest.pop(0))]
    table = FlagTable(specs(f"{_GLOBAL} {_FLAGS.get(verb, '')}"), loose=True)
    parsed = parse_flags(
        [*before, *rest], table, f"docker {verb}", interspersed=verb not in _NOT_INTERSPERSED
    )
    return verb, parsed
