"""Mistyped commands get kubectl's own error, word for word, and a suggestion."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sandbox.commandline import CommandSyntaxError, parse

# Errors kubectl prints without a cluster: compared with the real binary when present.
OFFLINE_ERRORS: list[tuple[str, str]] = [
    ("kubectl gett pods",
     'Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget'),
    ("kubectl exce pod",
     'Error: unknown command "exce" for "kubectl"\n\nDid you mean this?\n\texec'),
    ("kubectl frobnicate", 'Error: unknown command "frobnicate" for "kubectl"'),
    ("kubectl get pods --foo", "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage."),
    ("kubectl get pods -o", "Error: flag needs an argument: 'o' in -o\n"
     "See 'kubectl get --help' for usage."),
    ("kubectl get pods --output", "Error: flag needs an argument: --output\n"
     "See 'kubectl get --help' for usage."),
    ("kubectl get pods -z", "Error: unknown shorthand flag: 'z' in -z\n"
     "See 'kubectl get --help' for usage."),
    ("kubectl get pods -it", "Error: unknown shorthand flag: 'i' in -it\n"
     "See 'kubectl get --help' for usage."),
    ("kubectl get pods --replicas=3", "Error: unknown flag: --replicas\n"
     "See 'kubectl get --help' for usage."),
    ("kubectl get pods --dry-run", "Error: unknown flag: --dry-run\n"
     "See 'kubectl get --help' for usage."),
    ("kubectl get pods --timeout=5", "Error: unknown flag: --timeout\n"
     "See 'kubectl get --help' for usage."),
    ("kubectl describe pods -o yaml", "Error: unknown shorthand flag: 'o' in -o\n"
     "See 'kubectl describe --help' for usage."),
    ("kubectl get pods --watch=foo", 'Error: invalid argument "foo" for "-w, --watch" flag: '
     'strconv.ParseBool: parsing "foo": invalid syntax\nSee \'kubectl get --help\' for usage.'),
    ("kubectl get pods --all-namespaces=maybe", 'Error: invalid argument "maybe" for '
     '"-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax\n'
     "See 'kubectl get --help' for usage."),
    ("kubectl scale deploy x --replicas=abc", 'Error: invalid argument "abc" for "--replicas" '
     'flag: strconv.ParseInt: parsing "abc": invalid syntax\n'
     "See 'kubectl scale --help' for usage."),
    ("kubectl create deployment x --image=a --replicas=x", 'Error: invalid argument "x" for '
     '"-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\n'
     "See 'kubectl create deployment --help' for usage."),
    ("kubectl delete pods --grace-period=abc", 'Error: invalid argument "abc" for '
     '"--grace-period" flag: strconv.ParseInt: parsing "abc": invalid syntax\n'
     "See 'kubectl delete --help' for usage."),
    ("kubectl get pods --chunk-size=x", 'Error: invalid argument "x" for "--chunk-size" flag: '
     'strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl get --help\' for usage.'),
    ("kubectl rollout status deploy/x --timeout=5x", 'Error: invalid argument "5x" for '
     '"--timeout" flag: time: unknown unit "x" in duration "5x"\n'
     "See 'kubectl rollout status --help' for usage."),
    ("kubectl get pods -v", "Error: flag needs an argument: 'v' in -v\n"
     "See 'kubectl get --help' for usage."),
    ("kubectl get pods ---foo", "Error: bad flag syntax: ---foo\n"
     "See 'kubectl get --help' for usage."),
    ("kubectl get pods --=x", "Error: bad flag syntax: --=x\nSee 'kubectl get --help' for usage."),
    ("kubectl --foo get pods", "Error: flags cannot be placed before plugin name: --foo"),
    ("kubectl create deployment x --image", "Error: flag needs an argument: --image\n"
     "See 'kubectl create deployment --help' for usage."),
    ("kubectl create configmap x --from-literal", "Error: flag needs an argument: "
     "--from-literal\nSee 'kubectl create configmap --help' for usage."),
    ("kubectl get", 'You must specify the type of resource to get. Use "kubectl api-resources" '
     "for a complete list of supported resources.\n\nerror: Required resource not specified.\n"
     'Use "kubectl explain <resource>" for a detailed description of that resource '
     "(e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples"),
    ("kubectl describe", 'error: You must specify the type of resource to describe. Use '
     '"kubectl api-resources" for a complete list of supported resources.'),
    ("kubectl delete", "error: You must provide one or more resources by argument or filename.\n"
     "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
     "   '<resource> <name>'\n   '<resource>'"),
    ("kubectl scale --replicas=2", "error: You must provide one or more resources by argument "
     "or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n"
     "   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"),
    ("kubectl delete --all", "error: at least one resource must be specified to use a selector"),
    ("kubectl create", "error: must specify one of -f and -k"),
    ("kubectl apply", "error: must specify one of -f and -k"),
    ("kubectl apply extra -f x.yaml", "error: Unexpected args: [extra]\n"
     "See 'kubectl apply -h' for help and examples"),
    ("kubectl create deployment x y --image=a", "error: exactly one NAME is required, got 2\n"
     "See 'kubectl create deployment -h' for help and examples"),
    ("kubectl create service clusterip", "error: exactly one NAME is required, got 0\n"
     "See 'kubectl create service clusterip -h' for help and examples"),
    ("kubectl create configmap", "error: exactly one NAME is required, got 0\n"
     "See 'kubectl create configmap -h' for help and examples"),
    ("kubectl create ns a b", "error: exactly one NAME is required, got 2\n"
     "See 'kubectl create namespace -h' for help and examples"),
    ("kubectl create svc clusterip x", "error: at least one tcp port specifier must be "
     "provided"),
    ("kubectl create service nodeport x", "error: at least one tcp port specifier must be "
     "provided"),
    ("kubectl run --image=nginx", "error: NAME is required for run\n"
     "See 'kubectl run -h' for help and examples"),
    ("kubectl rollout status", "error: required resource not specified"),
    ("kubectl rollout history", "error: required resource not specified"),
    ("kubectl rollout stat deploy/x", 'error: unknown command "stat deploy/x"\n'
     "See 'kubectl rollout -h' for help and examples"),
    ("kubectl set imag deploy/x", 'error: unknown command "imag deploy/x"\n'
     "See 'kubectl set -h' for help and examples"),
    ("kubectl config current-contxt", 'error: unknown command "current-contxt"\n'
     "See 'kubectl config -h' for help and examples"),
    ("kubectl create service foo x", 'error: unknown command "foo x"\n'
     "See 'kubectl create service -h' for help and examples"),
    ("kubectl logs", "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
     "POD or TYPE/NAME is a required argument for the logs command\n"
     "See 'kubectl logs -h' for help and examples"),
    ("kubectl logs a b c", "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
     "POD or TYPE/NAME is a required argument for the logs command\n"
     "See 'kubectl logs -h' for help and examples"),
    ("kubectl label", "error: one or more resources must be specified as <resource> <name> or "
     "<resource>/<name>"),
    ("kubectl label pod x y", "error: at least one label update is required"),
    ("kubectl explain", 'error: You must specify the type of resource to explain. Use "kubectl '
     'api-resources" for a complete list of supported resources.'),
    ("kubectl explain a b", "error: We accept only this format: explain RESOURCE"),
    ("kubectl version extra", "error: extra arguments: [extra]"),
    ("kubectl api-resources extra", "error: unexpected arguments: [extra]\n"
     "See 'kubectl api-resources -h' for help and examples"),
    ("kubectl config view x", "error: unexpected arguments: [x]\n"
     "See 'kubectl config view -h' for help and examples"),
    ("kubectl get deploy/x pods", "error: there is no need to specify a resource type as a "
     "separate argument when passing arguments in resource/name form (e.g. 'kubectl get "
     "resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"),
    ("kubectl get pod/x/y", "error: arguments in resource/name form may not have more than one "
     "slash"),
    ("kubectl get pod/", "error: arguments in resource/name form must have a single resource and "
     "name"),
    ("kubectl get /x", "error: arguments in resource/name form must have a single resource and "
     "name"),
    ("kubectl get pods, x", "error: arguments in resource/name form must have a single resource "
     "and name"),
    ("kubectl -n", "Error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage."),
]

# Errors kubectl prints only after asking a server, or that kubectl prints on its log.
OTHER_ERRORS: list[tuple[str, str]] = [
    ("kubectl get podz", 'error: the server doesn\'t have a resource type "podz"'),
    ("kubectl get deployz/x", 'error: the server doesn\'t have a resource type "deployz"'),
    ("kubectl describe deploymentss x",
     'error: the server doesn\'t have a resource type "deploymentss"'),
    ("kubectl get deployments.v2.apps", 'error: the server doesn\'t have a resource type '
     '"deployments.v2.apps"'),
    ("kubectl scale deploy x", 'error: required flag(s) "replicas" not set'),
    ("kubectl create deployment x", 'error: required flag(s) "image" not set'),
    ("kubectl create deployment", 'error: required flag(s) "image" not set'),
    ("kubectl create service externalname x", 'error: required flag(s) "external-name" not set'),
    ("kubectl run x", 'error: required flag(s) "image" not set'),
    ("kubectl delete deploy x --all", "error: name cannot be provided when a selector is "
     "specified"),
    ("kubectl delete pods -l app=x x", "error: name cannot be provided when a selector is "
     "specified"),
    ("kubectl delete pods", "error: resource(s) were provided, but no name was specified"),
    ("kubectl set image deploy/x", "error: at least one image update is required"),
    ("kubectl annotate pod x", "error: at least one annotation update is required"),
]


def _error(text: str) -> CommandSyntaxError:
    with pytest.raises(CommandSyntaxError) as caught:
        parse(text)
    return caught.value


def _message(text: str) -> str:
    """What kubectl shows: its suggestion block only where kubectl itself has one."""
    error = _error(text)
    kubectl_suggests = error.message.startswith("Error: unknown command")
    return str(error) if kubectl_suggests else error.message


@pytest.mark.parametrize(("text", "expected"), OFFLINE_ERRORS + OTHER_ERRORS,
                         ids=[case[0] for case in OFFLINE_ERRORS + OTHER_ERRORS])
def test_mistyped_command_gets_kubectls_error(text: str, expected: str) -> None:
    assert _message(text) == expected


KUBECTL = shutil.which("kubectl")


@pytest.mark.skipif(KUBECTL is None, reason="no kubectl binary on this machine to compare with")
@pytest.mark.parametrize(("text", "expected"), OFFLINE_ERRORS, ids=[c[0] for c in OFFLINE_ERRORS])
def test_error_text_equals_the_real_kubectl(text: str, expected: str, tmp_path: Path) -> None:
    assert KUBECTL is not None
    environment = {**os.environ, "KUBECONFIG": str(tmp_path / "none"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [KUBECTL, *text.split()[1:]], capture_output=True, text=True, env=environment,
        check=False,
    )
    assert result.stderr.strip() == expected == _message(text)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("kubectl get podz", 'did you mean "pods"?'),
        ("kubectl get deploymnt", 'did you mean "deployments"?'),
        ("kubectl get servce", 'did you mean "services"?'),
        ("kubectl get sv", 'did you mean "services"?'),
        ("kubectl delete configmapz x", 'did you mean "configmaps"?'),
        ("kubectl gett pods", "Did you mean this?\n\tset\n\tget"),
        ("kubectl crete deploy x", "Did you mean this?\n\tcreate"),
        ("kubectl describ pod x", "Did you mean this?\n\tdescribe"),
        ("kubectl rollout stauts deploy/x", "Did you mean this?\n\tstatus"),
        ("kubectl create deploymnt x", 'did you mean "kubectl create deployment"?'),
        ("minikube statsu", "Did you mean this?\n\tstatus"),
        ("kubectl get pod ｗｅｂ", 'did you mean "web"?'),
    ],
)
def test_typo_gets_a_did_you_mean_hint(text: str, hint: str) -> None:
    assert _error(text).hint == hint


def test_unrelated_word_gets_no_suggestion() -> None:
    assert _error("kubectl get zzzzzzzzzzzz").hint is None


def test_group_without_a_subcommand_names_its_subcommands() -> None:
    assert "history, pause, restart, resume, status, undo" in _message("kubectl rollout")
