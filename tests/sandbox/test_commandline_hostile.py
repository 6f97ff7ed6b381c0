"""Hostile input either parses to exactly what it says or gets a clear error, quickly.

Nothing here may raise anything but CommandSyntaxError, and no input may make
the parser slow: every case below runs in well under a second.
"""

from __future__ import annotations

import pytest

from sandbox.commandline import CommandSyntaxError, extract_command, parse, same_meaning

REFUSED = [
    ("kubectl get pods; rm -rf /", '";" runs a second command'),
    ("kubectl get pods && kubectl delete ns default", '"&&"'),
    ("kubectl get pods || true", '"||"'),
    ("kubectl get pods | grep x", '"|" pipes'),
    ("kubectl get pods > /etc/passwd", '">" redirects'),
    ("kubectl get pods >> out", '">>"'),
    ("kubectl apply -f - < /etc/shadow", '"<" reads'),
    ("kubectl get pods &", '"&"'),
    ("kubectl get pods `whoami`", '"`"'),
    ("kubectl get pods $(whoami)", '"$(whoami)" would be expanded'),
    ("kubectl get pods -n ${NS}", '"${NS}" would be expanded'),
    ("kubectl get pods -n $NS", '"$NS" would be expanded'),
    ("kubectl get pods (x)", '"(" starts a subshell'),
    ("kubectl get pods 'unterminated", "unterminated quote"),
    ('kubectl get pods "unterminated', "unterminated quote"),
    ("kubectl get pods\x00", "control character (U+0000)"),
    ("kubectl get\x00pods", "control character (U+0000)"),
    ("kubectl get pods\x1b[31m", "control character (U+001B)"),
    ("kubectl get pods\x7f", "control character (U+007F)"),
    ("kubectl apply -f -\nkind: Pod\x00", "control character (U+0000)"),
    ("kubеctl get pods", "is not a command here"),
    ("ｋｕｂｅｃｔｌ get pods", "is not a command here"),
    ("kubectI get pods", "is not a command here"),
    ("sudo kubectl get pods", "is not a command here"),
    ("bash -c 'kubectl get pods'", "is not a command here"),
    ("", "no command given"),
    ("   ", "no command given"),
    ("# kubectl get pods", "no command given"),
    ("kubectl get pod ｗｅｂ", "invalid resource name"),
    ("kubectl get pod wеb", "invalid resource name"),
    ("kubectl delete pod 'we b'", "invalid resource name"),
    ("kubectl delete pod ' web'", "invalid resource name"),
    ("kubectl describe pod/ｗｅｂ", "invalid resource name"),
    ("kubectl create deployment ｗｅｂ --image=nginx", "invalid resource name"),
    ("kubectl run ｗｅｂ --image=nginx", "invalid resource name"),
    ("kubectl get ｐｏｄｓ", "doesn't have a resource type"),
    ("kubectl get pоds", "doesn't have a resource type"),
    ("kubectl ｇｅｔ pods", "unknown command"),
    ("kubectl get pods --ｏutput=yaml", "unknown flag"),
    ("kubectl get pods -l", "flag needs an argument"),
    ("kubectl get pods --selector", "flag needs an argument"),
    ("kubectl get pods --watch=yes", "invalid argument"),
    ("kubectl scale deploy x --replicas=1e9", "invalid argument"),
    ("kubectl scale deploy x --replicas=99999999999999999999", "value out of range"),
    ("kubectl scale deploy x --replicas=-", "invalid argument"),
    ("kubectl get " + "x" * 100_000, "doesn't have a resource type"),
    ("kubectl " + "gett " * 20_000, "unknown command"),
    ("kubectl get pods " + "--foo " * 10_000, "unknown flag: --foo"),
    ("kubectl get pods " + "-" * 100_000, "bad flag syntax"),
    ("kubectl get pods " + "'" * 100_001, "unterminated quote"),
    ("kubectl get pods " + "\\" * 100_000 + ";", '";"'),
    ("kubectl rollout " + "rollout " * 5_000, "unknown command"),
    ("minikube " + "a" * 100_000, "unknown command"),
    ("minikube start; minikube delete", '";"'),
]


@pytest.mark.parametrize(("text", "expected"), REFUSED, ids=[c[0][:50] for c in REFUSED])
def test_hostile_input_gets_a_clear_error(text: str, expected: str) -> None:
    with pytest.raises(CommandSyntaxError) as caught:
        parse(text)
    assert expected in caught.value.message
    assert len(caught.value.message) < 2_000


LITERAL = [
    ("kubectl get pods -l 'a=$(whoami)'", "selector", "a=$(whoami)"),
    ('kubectl get pods -l "a=$(whoami)"', "selector", "a=$(whoami)"),
    ('kubectl get pods -l "a=`id`"', "selector", "a=`id`"),
    ("kubectl get pods -l 'a;b|c>d<e&f'", "selector", "a;b|c>d<e&f"),
    ("kubectl get pods -l a\\;b", "selector", "a;b"),
    ("kubectl get pods -l 'x'\"y\"z", "selector", "xyz"),
    ("kubectl get pods -l 'a\nb'", "selector", "a\nb"),
    ("kubectl get pods -n 'kube-system'", "namespace", "kube-system"),
    ("kubectl get pods --namespace=\"kube-system\"", "namespace", "kube-system"),
    ("kubectl get pods -l app=*", "selector", "app=*"),
    ("kubectl get pods -l app=~", "selector", "app=~"),
    ("kubectl get pods -l app=#x", "selector", "app=#x"),
    ("kubectl get pods -l $", "selector", "$"),
]


@pytest.mark.parametrize(("text", "flag", "value"), LITERAL, ids=[c[0] for c in LITERAL])
def test_quoted_shell_syntax_is_literal_text(text: str, flag: str, value: str) -> None:
    assert parse(text).flags[flag] == value


def test_ten_thousand_flags_parse_with_the_last_value_winning() -> None:
    command = parse("kubectl get pods " + " ".join(f"-l app=v{i}" for i in range(10_000)))
    assert command.flags["selector"] == "app=v9999"


def test_ten_thousand_repeatable_flags_are_all_kept() -> None:
    command = parse("kubectl get pods " + "-L a " * 10_000)
    assert command.flags["label-columns"] == ("a",) * 10_000


def test_many_names_each_become_a_target() -> None:
    command = parse("kubectl get pods " + " ".join(f"p{i}" for i in range(5_000)))
    assert len(command.targets) == 5_000


def test_a_100_kb_yaml_body_is_kept_as_stdin() -> None:
    body = "kind: ConfigMap\ndata:\n" + "".join(f"  k{i}: v\n" for i in range(12_000))
    command = parse("kubectl apply -f -\n" + body)
    assert command.stdin == body


def test_a_100_kb_message_that_is_not_a_command_is_ignored() -> None:
    assert extract_command("hello " * 20_000) is None
    assert extract_command("`" * 100_000) is None
    assert extract_command("```" * 30_000) is None


def test_a_huge_word_compares_quickly() -> None:
    assert not same_meaning("kubectl get " + "x" * 100_000, "kubectl get pods")


def test_text_after_the_command_line_is_never_part_of_the_command() -> None:
    command = parse("kubectl get pods\nkubectl delete ns default")
    assert command.verb == ("get",) and command.stdin == "kubectl delete ns default\n"


@pytest.mark.parametrize(
    "text",
    ["kubectl get pods -n other", "kubectl get pods -A", "kubectl get pods --context=x",
     "kubectl --as=system:admin get pods", "kubectl get pods --token=abc",
     "kubectl get pods --kubeconfig=/root/.kube/config", "kubectl get pods -s http://evil",
     "kubectl --server=http://evil get pods"],
)
def test_scope_changing_flags_are_parsed_so_policy_can_refuse_them(text: str) -> None:
    flags = parse(text).flags
    assert {"namespace", "all-namespaces", "context", "as", "token", "kubeconfig",
            "server"} & set(flags)
