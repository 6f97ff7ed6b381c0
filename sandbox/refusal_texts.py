"""The words of every sandbox refusal, in Korean and English.

Templates are `str.format_map` texts over a refusal's details, plus
`{supported}` (the commands the sandbox runs) and `{why}`: the words `WHY`
holds for the refusal's category (the reason behind a forbidden command, kind,
flag or pod field; the name of the kind of text a label refusal is about).
"""

from __future__ import annotations

SUPPORTED_COMMANDS = {
    "en": (
        "Commands you can use here:\n"
        "  kubectl get, describe, logs, explain\n"
        "  kubectl create deployment | service | configmap, kubectl run, kubectl expose\n"
        "  kubectl apply -f - / kubectl create -f - (with YAML in the same message)\n"
        "  kubectl delete, scale, set image, label, annotate\n"
        "  kubectl rollout status | history | undo | restart\n"
        "  kubectl version, cluster-info, api-resources, config current-context\n"
        "  minikube status | ip | version | dashboard | start | stop | service"
    ),
    "ko": (
        "여기서 쓸 수 있는 명령:\n"
        "  kubectl get, describe, logs, explain\n"
        "  kubectl create deployment | service | configmap, kubectl run, kubectl expose\n"
        "  kubectl apply -f - / kubectl create -f - (같은 메시지에 YAML 포함)\n"
        "  kubectl delete, scale, set image, label, annotate\n"
        "  kubectl rollout status | history | undo | restart\n"
        "  kubectl version, cluster-info, api-resources, config current-context\n"
        "  minikube status | ip | version | dashboard | start | stop | service"
    ),
}


def _t(en: str, ko: str) -> dict[str, str]:
    return {"en": en, "ko": ko}


WHY: dict[str, dict[str, str]] = {
    "exec": _t("it would open a shell inside a container.",
               "컨테이너 안에서 셸을 여는 명령이기 때문입니다."),
    "attach": _t("it would connect the chat to a running container's terminal.",
                 "실행 중인 컨테이너의 터미널에 채팅을 연결하는 명령이기 때문입니다."),
    "cp": _t("it copies files into and out of containers.",
             "컨테이너 안팎으로 파일을 복사하는 명령이기 때문입니다."),
    "debug": _t("it starts debugging containers with a shell.",
                "셸이 있는 디버깅 컨테이너를 띄우는 명령이기 때문입니다."),
    "port-forward": _t("it opens network ports on the bot's machine.",
                       "봇이 실행되는 컴퓨터에 네트워크 포트를 여는 명령이기 때문입니다."),
    "proxy": _t("it opens network ports on the bot's machine.",
                "봇이 실행되는 컴퓨터에 네트워크 포트를 여는 명령이기 때문입니다."),
    "auth": _t("it concerns identities and permissions, which the sandbox sets up for you.",
               "신원과 권한을 다루는 명령인데, 샌드박스가 이미 대신 설정해 두었기 때문입니다."),
    "certificate": _t("it approves credentials for the whole cluster.",
                      "클러스터 전체에 쓰이는 인증서를 승인하는 명령이기 때문입니다."),
    "drain": _t("it changes the cluster's nodes, which every learner shares.",
                "모든 학습자가 함께 쓰는 노드를 바꾸는 명령이기 때문입니다."),
    "edit": _t("it opens a text editor, which a chat does not have. Use `kubectl apply -f -` "
               "with the changed YAML, or scale, set image, label or annotate.",
               "채팅에는 없는 텍스트 편집기를 여는 명령이기 때문입니다. 바꾼 YAML로 "
               "`kubectl apply -f -`를 쓰거나 scale, set image, label, annotate를 써 보세요."),
    "patch": _t("the sandbox changes objects through `kubectl apply -f -` with YAML instead.",
                "샌드박스에서는 대신 YAML과 함께 `kubectl apply -f -`로 오브젝트를 바꿉니다."),
    "secret": _t("Secrets hold credentials; the course keeps its settings in ConfigMaps.",
                 "Secret에는 자격 증명이 들어 있어서, 이 과정에서는 설정을 ConfigMap에 둡니다."),
    "rbac": _t("permissions are set up by the sandbox and are not yours to change.",
               "권한은 샌드박스가 정해 두었고 바꿀 수 없습니다."),
    "cluster": _t("it belongs to the whole cluster, which every learner shares.",
                  "모든 학습자가 함께 쓰는 클러스터 전체의 리소스이기 때문입니다."),
    "extension": _t("it changes how the API server itself behaves for everyone.",
                    "모든 사용자에 대해 API 서버의 동작 자체를 바꾸기 때문입니다."),
    "course": _t("the course works with Pods, Deployments, ReplicaSets, Services and ConfigMaps.",
                 "이 과정에서는 Pod, Deployment, ReplicaSet, Service, ConfigMap을 다룹니다."),
    "hostPath": _t("it would mount the node's own files into the pod.",
                   "노드의 파일을 파드 안에 마운트하게 되기 때문입니다."),
    "hostNetwork": _t("it would share the node's network with the pod.",
                      "파드가 노드의 네트워크를 함께 쓰게 되기 때문입니다."),
    "hostPID": _t("it would let the pod see every process on the node.",
                  "파드가 노드의 모든 프로세스를 보게 되기 때문입니다."),
    "hostIPC": _t("it would share the node's inter-process communication with the pod.",
                  "파드가 노드의 프로세스 간 통신을 함께 쓰게 되기 때문입니다."),
    "privileged": _t("a privileged container has full control of the node.",
                     "특권 컨테이너는 노드 전체를 제어할 수 있기 때문입니다."),
    "allowPrivilegeEscalation": _t(
        "it lets a process gain more privileges than it started with.",
        "프로세스가 처음보다 더 큰 권한을 얻을 수 있게 되기 때문입니다."),
    "capabilities": _t("added Linux capabilities give a container powers over the node.",
                       "추가한 리눅스 capability는 컨테이너에 노드를 다룰 힘을 주기 때문입니다."),
    "procMount": _t("an unmasked /proc exposes the node's kernel settings.",
                    "가려지지 않은 /proc는 노드의 커널 설정을 드러내기 때문입니다."),
    "serviceAccountName": _t("pods run with the sandbox's default service account.",
                             "파드는 샌드박스의 기본 서비스 어카운트로 실행되기 때문입니다."),
    "nodeName": _t("the scheduler picks the node; nodeSelector is fine if you need one.",
                   "노드는 스케줄러가 고릅니다. 꼭 필요하면 nodeSelector는 쓸 수 있습니다."),
    "overrides": _t("it would replace the checked pod spec with raw JSON. Write the pod as YAML "
                    "and send it with `kubectl apply -f -`.",
                    "검사를 거친 파드 스펙을 JSON으로 바꿔치기하게 되기 때문입니다. 파드를 YAML로 "
                    "작성해 `kubectl apply -f -`로 보내 주세요."),
    "raw": _t("it sends requests straight to any API path, around the sandbox's checks.",
              "샌드박스의 검사를 거치지 않고 아무 API 경로로나 요청을 보내기 때문입니다."),
    "label_key": _t("label key", "레이블 키"),
    "label_value": _t("label value", "레이블 값"),
    "annotation_key": _t("annotation key", "어노테이션 키"),
    "annotation_value": _t("annotation value", "어노테이션 값"),
    "externalIPs": _t("external IPs can intercept other learners' traffic.",
                      "외부 IP는 다른 학습자의 트래픽을 가로챌 수 있기 때문입니다."),
}

_NAME_RULES = _t(
    "Names use lowercase letters a-z, digits 0-9, '-' (and '.' where allowed), start and end "
    "with a letter or digit, and are at most 63 characters (253 with dots).",
    "이름에는 소문자 a-z, 숫자 0-9, '-'(허용되는 곳에서는 '.'도)만 쓸 수 있고, 글자나 숫자로 "
    "시작하고 끝나야 하며, 63자(점이 있으면 253자)를 넘을 수 없습니다.",
)

TEXTS: dict[str, dict[str, str]] = {
    "other_namespace": _t(
        "You can only work in your own namespace {namespace}; -n {requested} is outside it. "
        "Leave out -n: your commands run in {namespace} already.",
        "자신의 네임스페이스 {namespace} 안에서만 작업할 수 있습니다. "
        "-n {requested} 옵션은 그 밖을 가리킵니다. -n 없이 입력하세요. "
        "명령은 이미 {namespace}에서 실행됩니다."),
    "all_namespaces": _t(
        "You can only see your own namespace {namespace}; {flag} would look into every "
        "learner's namespace. Leave out {flag} to list what is in {namespace}.",
        "자신의 네임스페이스 {namespace}만 볼 수 있습니다. {flag}는 모든 학습자의 네임스페이스를 "
        "보려는 옵션입니다. {flag} 없이 입력하면 {namespace}에 있는 것을 볼 수 있습니다."),
    "namespace_list": _t(
        "You can see your own namespace only: try `kubectl get namespace {namespace}`. The list "
        "of namespaces would show other learners' namespaces.",
        "자신의 네임스페이스만 볼 수 있습니다: `kubectl get namespace {namespace}`를 "
        "입력해 보세요. 네임스페이스 목록에는 다른 학습자의 네임스페이스가 보이기 때문입니다."),
    "node_details": _t(
        "`kubectl describe node` lists every learner's pods, so it is not available here; "
        "`kubectl get nodes` shows the node itself.",
        "`kubectl describe node`는 모든 학습자의 파드를 보여 주므로 여기서는 쓸 수 없습니다. "
        "`kubectl get nodes`로 노드 자체는 볼 수 있습니다."),
    "connection_flag": _t(
        "The {flag} option is not available: the sandbox always connects to its own cluster as "
        "you, in your namespace. Leave it out.",
        "{flag} 옵션은 쓸 수 없습니다. 샌드박스는 언제나 자신의 클러스터에 여러분의 이름으로, "
        "여러분의 네임스페이스에서 연결합니다. 이 옵션을 빼고 입력하세요."),
    "local_file": _t(
        "{flag} {value} would read a file on the bot's machine, which the sandbox does not do. "
        "Paste the YAML in the same message after `kubectl apply -f -` instead.",
        "{flag} {value}는 봇이 실행되는 컴퓨터의 파일을 읽으려는 것이라 쓸 수 없습니다. "
        "대신 `kubectl apply -f -` 다음 줄에 YAML을 같은 메시지로 붙여 넣으세요."),
    "unsupported_command": _t(
        "`{command}` is not available in the sandbox.\n{supported}",
        "`{command}`는 샌드박스에서 쓸 수 없습니다.\n{supported}"),
    "forbidden_command": _t(
        "`{command}` is not allowed in the sandbox: {why}\n{supported}",
        "`{command}`는 샌드박스에서 허용되지 않습니다. {why}\n{supported}"),
    "forbidden_flag": _t(
        "The {flag} option of `{command}` is not allowed in the sandbox: {why}",
        "`{command}`의 {flag} 옵션은 샌드박스에서 허용되지 않습니다. {why}"),
    "forbidden_kind": _t(
        "{kind} objects are not available in the sandbox: {why}",
        "샌드박스에서는 {kind} 오브젝트를 다룰 수 없습니다. {why}"),
    "replicas": _t(
        "{requested} replicas is more than the sandbox allows: at most {limit} per Deployment "
        "or ReplicaSet, so the cluster has room for everyone.",
        "레플리카 {requested}개는 샌드박스 한도를 넘습니다. 모두가 클러스터를 함께 쓸 수 있도록 "
        "Deployment나 ReplicaSet마다 최대 {limit}개까지 만들 수 있습니다."),
    "invalid_name": _t(
        '"{name}" cannot be the name of a {kind}: {problem}. ' + _NAME_RULES["en"],
        '"{name}"은(는) {kind}의 이름으로 쓸 수 없습니다 ({problem}). ' + _NAME_RULES["ko"]),
    "invalid_label": _t(
        'The {why} "{text}" is not valid: {problem}.',
        '{why} "{text}"은(는) 올바르지 않습니다 ({problem}).'),
    "invalid_image": _t(
        'The image "{image}" is not a valid image reference ({problem}). Images look like '
        "`nginx`, `nginx:1.27` or `bravecat81/playground`.",
        '"{image}"은(는) 올바른 이미지 이름이 아닙니다 ({problem}). 이미지 이름은 `nginx`, '
        "`nginx:1.27`, `bravecat81/playground`와 같은 모양입니다."),
    "image_denied": _t(
        'The image "{image}" is not allowed in the sandbox (it matches "{rule}" on the list of '
        "refused images). Please pick another image.",
        '"{image}" 이미지는 샌드박스에서 허용되지 않습니다 (금지 이미지 목록의 "{rule}"에 해당). '
        "다른 이미지를 골라 주세요."),
    "pod_field": _t(
        "{field} is not allowed in {kind} {name}: {why} Remove it and try again.",
        "{kind} {name}의 {field}는 허용되지 않습니다. {why} 빼고 다시 시도하세요."),
    "yaml_too_large": _t(
        "The YAML is {size} bytes; the sandbox accepts at most {limit} bytes in one message.",
        "YAML이 {size}바이트입니다. 한 메시지에는 최대 {limit}바이트까지 보낼 수 있습니다."),
    "too_many_documents": _t(
        "The YAML holds more than {limit} documents; send at most {limit} at a time.",
        "YAML에 문서가 {limit}개보다 많습니다. 한 번에 최대 {limit}개까지 보낼 수 있습니다."),
    "yaml_too_deep": _t(
        "The YAML nests deeper than {limit} levels (at line {line}); Kubernetes objects never "
        "need that many.",
        "YAML이 {line}번째 줄에서 {limit}단계보다 깊게 중첩됩니다. 쿠버네티스 오브젝트에는 그렇게 "
        "깊은 중첩이 필요 없습니다."),
    "yaml_alias": _t(
        "YAML anchors and aliases (& and *) are not accepted (line {line}); write each value "
        "out in full.",
        "YAML 앵커와 별칭(&, *)은 받지 않습니다 ({line}번째 줄). 값을 하나하나 모두 적어 주세요."),
    "yaml_duplicate_key": _t(
        'The key "{key}" appears twice in the same mapping (line {line}); keep one of them.',
        '같은 매핑에 "{key}" 키가 두 번 나옵니다 ({line}번째 줄). 하나만 남겨 주세요.'),
    "yaml_error": _t(
        "The YAML could not be read at line {line}: {problem}. Check the indentation and the "
        "quotes around that line.",
        "YAML의 {line}번째 줄을 읽을 수 없습니다: {problem}. 그 줄 근처의 들여쓰기와 따옴표를 "
        "확인해 주세요."),
    "not_a_mapping": _t(
        "Document {document} of the YAML is {found}, not an object: each document needs "
        "apiVersion, kind and metadata.",
        "YAML의 {document}번째 문서가 오브젝트가 아니라 {found}입니다. 문서마다 apiVersion, kind, "
        "metadata가 있어야 합니다."),
    "missing_field": _t(
        "Document {document} of the YAML has no {field}; every object needs apiVersion, kind "
        "and metadata.name.",
        "YAML의 {document}번째 문서에 {field}가 없습니다. 모든 오브젝트에는 apiVersion, kind, "
        "metadata.name이 있어야 합니다."),
    "manifest_namespace": _t(
        "{kind} {name} says namespace {requested}, but you can only work in your own namespace "
        "{namespace}. Remove metadata.namespace (or set it to {namespace}).",
        "{kind} {name}에 namespace {requested}가 적혀 있지만, 자신의 네임스페이스 "
        "{namespace}에서만 작업할 수 있습니다. "
        "metadata.namespace를 지우거나 {namespace}로 바꿔 주세요."),
    "missing_manifest": _t(
        "`{command} -f -` needs the YAML in the same message: put it on the lines after the "
        "command (a ``` block works too).",
        "`{command} -f -`에는 같은 메시지에 YAML이 있어야 합니다. 명령 다음 줄부터 YAML을 붙여 "
        "넣으세요 (``` 블록도 됩니다)."),
    "extra_text": _t(
        "Only one command runs per message, and only `kubectl apply -f -` or `create -f -` "
        'read the lines after it; "{text}" would be ignored. Send each command on its own.',
        "메시지 하나에는 명령 하나만 실행되고, 그 다음 줄은 `kubectl apply -f -`나 "
        '`create -f -`만 읽습니다. "{text}"는 무시됩니다. 명령은 하나씩 따로 보내 주세요.'),
    "message_too_long": _t(
        "The message is {size} bytes; the sandbox reads commands of at most {limit} bytes.",
        "메시지가 {size}바이트입니다. 샌드박스는 최대 {limit}바이트까지의 명령만 읽습니다."),
    "invisible_character": _t(
        "The message contains an invisible character ({character}), which can make a command "
        "look like something it is not. Type the command again without it.",
        "메시지에 보이지 않는 문자({character})가 들어 있습니다. 이런 문자는 명령을 다르게 "
        "보이게 할 수 있으니, 그 문자 없이 다시 입력해 주세요."),
    "rate_limited": _t(
        "That is more than {limit} commands in a minute. Please wait {seconds} s and try again.",
        "1분에 {limit}개보다 많은 명령을 보냈습니다. {seconds}초 뒤에 다시 시도해 주세요."),
    "object_limit": _t(
        "Your namespace holds {current} objects and this would add {adding}; the sandbox keeps "
        "at most {limit}. Delete something you no longer need (`kubectl delete ...`) first.",
        "네임스페이스에 오브젝트가 {current}개 있고 이 명령은 {adding}개를 더 만듭니다. 최대 "
        "{limit}개까지 둘 수 있으니, 필요 없는 것을 먼저 지워 주세요 (`kubectl delete ...`)."),
    "syntax": _t(
        "{message}\n{hint}",
        "명령을 해석할 수 없습니다 (kubectl의 오류 메시지):\n{message}\n{hint}"),
    "no_command": _t(
        "Type a command after kubectl, for example `kubectl get pods`.\n{supported}",
        "kubectl 뒤에 명령을 입력하세요. 예: `kubectl get pods`\n{supported}"),
    "not_a_command": _t(
        "This is not a command: commands start with kubectl, k or minikube.\n{supported}",
        "명령이 아닙니다. 명령은 kubectl, k, minikube로 시작합니다.\n{supported}"),
    "unknown": _t(
        "The sandbox cannot run this command.\n{supported}",
        "샌드박스에서 이 명령을 실행할 수 없습니다.\n{supported}"),
}
