"""kubectl and minikube command lines typed in chat: recognised, parsed, compared.

A pure package (no I/O, no cluster): `extract_command` tells a command from
conversation, `parse` turns it into a typed `Command` or raises
`CommandSyntaxError` with kubectl's own words, and `same_meaning` grades
"type the command" answers by what they mean rather than how they are spelled.
"""

from sandbox.commandline.command import Command, FlagValue, Target
from sandbox.commandline.errors import CommandSyntaxError
from sandbox.commandline.extract import extract_command
from sandbox.commandline.meaning import same_meaning
from sandbox.commandline.parse import parse
from sandbox.commandline.resources import RESOURCE_TYPES, ResourceType, lookup_resource

__all__ = [
    "RESOURCE_TYPES",
    "Command",
    "CommandSyntaxError",
    "FlagValue",
    "ResourceType",
    "Target",
    "extract_command",
    "lookup_resource",
    "parse",
    "same_meaning",
]
