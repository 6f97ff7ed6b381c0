"""Every learner-facing sentence the core says, in Korean and English."""

from __future__ import annotations

from typing import Final

from lessons.model import Language
from storage import LearnerRecord

_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "welcome": (
        "안녕하세요, {name}님! kubetutor예요.\n"
        "쿠버네티스의 첫걸음을 짧은 카드와 퀴즈로 함께 배워요. "
        "kubectl 명령도 직접 쳐 볼 수 있어요.\n"
        "전체 {count}개 레슨이 있어요. 준비되면 시작해요!",
        "Hi {name}, I'm kubetutor.\n"
        "We'll take your first steps into Kubernetes in short cards and quizzes, "
        "and you can type real kubectl commands too.\n"
        "There are {count} lessons. Start whenever you're ready!",
    ),
    "welcome_back": (
        "다시 오셨네요, {name}님! 이어서 할까요?",
        "Welcome back, {name}! Shall we pick up where you left off?",
    ),
    "help": (
        "할 수 있는 것들:\n"
        "/next - 멈춘 곳에서 이어서 하기\n"
        "/lessons - 전체 레슨 지도\n"
        "/quiz - 지금 레슨의 퀴즈\n"
        "/progress - 나의 진도와 정답률\n"
        "/lang ko|en - 언어 바꾸기\n"
        "/reset - 진도 처음부터 다시\n"
        "/review - 복습할 카드 풀기\n"
        "/remind 20:00 - 복습 알림 시간 (off 로 끄기)\n"
        "{extra}"
        "kubectl 이나 minikube 로 시작하는 메시지는 명령으로 실행해요.",
        "What you can do:\n"
        "/next - continue where you left off\n"
        "/lessons - the course map\n"
        "/quiz - the current lesson's quiz\n"
        "/progress - your progress and accuracy\n"
        "/lang ko|en - change language\n"
        "/reset - start the course over\n"
        "/review - review the cards that are due\n"
        "/remind 20:00 - when to remind you of reviews (off to stop)\n"
        "{extra}"
        "A message that starts with kubectl or minikube runs as a command.",
    ),
    "button_start": ("1강 시작하기 ▶", "Start lesson 1 ▶"),
    "button_continue": ("이어서 하기 ▶", "Continue ▶"),
    "button_next": ("다음 ▶", "Next ▶"),
    "button_back": ("◀ 이전", "◀ Back"),
    "button_quiz": ("퀴즈 풀기 ▶", "Take the quiz ▶"),
    "button_map": ("레슨 지도", "Course map"),
    "button_next_lesson": ("다음 레슨 ▶", "Next lesson ▶"),
    "button_yes_reset": ("네, 처음부터", "Yes, start over"),
    "button_no": ("아니요", "No"),
    "lesson_title": ("{number}강. {title}", "Lesson {number}. {title}"),
    "card_counter": ("({index}/{total})", "({index}/{total})"),
    "map_title": ("레슨 지도", "Course map"),
    "map_line": ("{mark} {number}. {title}", "{mark} {number}. {title}"),
    "map_legend": ("✅ 완료  ▶ 진행 중  · 시작 전", "✅ done  ▶ in progress  · not started"),
    "question_title": ("퀴즈 {index}/{total}", "Quiz {index}/{total}"),
    "type_command": (
        "명령어를 입력해 보세요.",
        "Type the command.",
    ),
    "correct": ("정답이에요! ✅", "Correct! ✅"),
    "wrong": ("아쉬워요. ❌ 정답: {expected}", "Not quite. ❌ The answer: {expected}"),
    "lesson_done": (
        "🎉 {number}강을 마쳤어요! 퀴즈 {correct}/{total} 정답.",
        "🎉 Lesson {number} done! Quiz: {correct}/{total} right.",
    ),
    "course_done": (
        "🏁 모든 레슨을 마쳤어요! 대단해요. /progress 로 기록을 볼 수 있어요.",
        "🏁 You finished every lesson! Great work. See your record with /progress.",
    ),
    "practice_intro": ("🛠 실습: {goal}", "🛠 Practice: {goal}"),
    "practice_title": ("🛠 실습 {index}/{total}", "🛠 Practice {index}/{total}"),
    "practice_type_it": (
        "채팅에 명령을 직접 입력해 보세요. 내 샌드박스 네임스페이스에서 실행돼요.",
        "Type the command in the chat. It runs in your own sandbox namespace.",
    ),
    "practice_done": ("✅ 실습 성공: {goal}", "✅ Practice done: {goal}"),
    "practice_not_yet": (
        "아직 목표 상태가 아니에요: {detail}",
        "Not there yet: {detail}",
    ),
    "practice_not_yet_plain": (
        "아직 목표에 맞는 명령이 아니에요. 다시 해 볼까요?",
        "That is not quite the command the goal asks for. Try again?",
    ),
    "practice_hint": ("💡 힌트: {hint}", "💡 Hint: {hint}"),
    "practice_answer": ("이렇게 입력하면 돼요:", "Here is a command that does it:"),
    "practice_all_done": (
        "이 레슨의 실습을 모두 마쳤어요!",
        "You finished this lesson's practice!",
    ),
    "button_skip": ("건너뛰기 ▶", "Skip ▶"),
    "button_practice": ("🛠 실습하기", "🛠 Practice"),
    "practice_offline": (
        "실습용 샌드박스 클러스터가 아직 연결되지 않았어요. 위 명령은 나중에 직접 쳐 볼 수 있어요.",
        "The practice sandbox cluster is not connected yet. You can type the command above later.",
    ),
    "no_quiz_yet": (
        "먼저 레슨을 시작해 주세요. /next",
        "Start a lesson first. /next",
    ),
    "progress": (
        "📊 {name}님의 진도\n"
        "레슨: {bar} {done}/{total}\n"
        "퀴즈 정답률: {accuracy}\n"
        "연속 학습: {streak}일",
        "📊 {name}'s progress\n"
        "Lessons: {bar} {done}/{total}\n"
        "Quiz accuracy: {accuracy}\n"
        "Streak: {streak} day(s)",
    ),
    "no_answers_yet": ("아직 없음", "none yet"),
    "lang_choose": ("언어를 골라 주세요.", "Choose a language."),
    "lang_set": ("이제 한국어로 이야기할게요.", "I'll speak English from now on."),
    "lang_unknown": (
        "지원하는 언어는 ko(한국어)와 en(English)이에요.",
        "The languages I speak are ko (Korean) and en (English).",
    ),
    "reset_confirm": (
        "정말 모든 진도와 퀴즈 기록을 지우고 처음부터 할까요?",
        "Really erase all your progress and quiz history and start over?",
    ),
    "reset_done": ("처음부터 다시 시작해요. /next", "Starting over from the beginning. /next"),
    "reset_cancelled": ("그대로 둘게요.", "Nothing was changed."),
    "unknown_command": (
        "모르는 명령이에요: {command}\n/help 로 할 수 있는 것을 볼 수 있어요.",
        "I don't know that command: {command}\nSee /help for what I can do.",
    ),
    "not_understood": (
        "무슨 뜻인지 모르겠어요. /next 로 이어서 하거나 /help 를 보세요.",
        "I didn't catch that. Continue with /next or see /help.",
    ),
    "stale_button": (
        "예전 메시지의 버튼이라 더는 쓸 수 없어요. 지금 위치에서 이어갈게요.",
        "That button is from an older message and no longer works. Here's where you are now.",
    ),
    "unknown_lesson": (
        "그런 레슨은 없어요. 레슨은 1강부터 {count}강까지 있어요.",
        "There is no such lesson. Lessons run from 1 to {count}.",
    ),
    "answer_range": (
        "1부터 {count} 사이의 번호로 답해 주세요.",
        "Answer with a number from 1 to {count}.",
    ),
    "something_wrong": (
        "앗, 처리하다가 문제가 생겼어요. 잠시 후 다시 해 보세요. 진도는 안전하게 저장돼 있어요.",
        "Sorry, something went wrong on my side. Please try again in a moment; "
        "your progress is safe.",
    ),
    "private_only": (
        "저는 1:1 대화에서만 수업해요. 아래 버튼으로 저와의 대화를 열어 주세요.",
        "I teach in private chats only. Open a chat with me with the button below.",
    ),
    "button_private_chat": ("1:1 대화 열기", "Open a private chat"),
    "output_cut": (
        "✂️ 출력이 길어서 {lines}줄({chars}자)을 줄였어요.",
        "✂️ Output shortened: {lines} more line(s) ({chars} characters) not shown.",
    ),
    "sandbox_reset_confirm": (
        "내 샌드박스 네임스페이스의 모든 객체를 지우고 새로 만들까요?",
        "Delete everything in your sandbox namespace and start it fresh?",
    ),
    "button_yes_sandbox_reset": ("네, 새로 만들기", "Yes, start fresh"),
    "sandbox_title": ("🧪 내 샌드박스", "🧪 Your sandbox"),
    "sandbox_overview": (
        "내 네임스페이스와 그 안의 객체들이에요. 처음부터 다시 하려면 /sandbox reset",
        "Your namespace and what is in it. To start it fresh: /sandbox reset",
    ),
    "sandbox_reset_done": (
        "샌드박스를 새로 만들었어요. 빈 네임스페이스에서 다시 시작해요.",
        "Your sandbox is fresh: an empty namespace to start again.",
    ),
    "sandbox_no_output": ("(출력 없음)", "(no output)"),
    "sandbox_unavailable": (
        "실습 클러스터를 쓸 수 없어요. 운영자에게 알려 주세요(kubetutor doctor). "
        "레슨과 퀴즈는 그대로 할 수 있어요.",
        "The practice cluster cannot be used right now; the operator can check it with "
        "kubetutor doctor. Lessons and quizzes still work.",
    ),
    "simulated_cluster": ("🧪 시뮬레이션 클러스터", "🧪 simulated cluster"),
    "review_title": ("🔁 복습", "🔁 Review"),
    "review_start": (
        "🔁 복습할 카드가 {count}개 있어요. 오래된 것부터 시작해요!",
        "🔁 {count} card(s) to review. The most overdue first!",
    ),
    "review_prompt": (
        "⏰ 복습 시간이에요! 잊기 직전의 카드 {count}개가 기다려요.",
        "⏰ Time to review! {count} card(s) are due, just before you forget them.",
    ),
    "review_practice_sandbox": (
        "내 샌드박스에서 kubectl 로 직접 해 보세요. 명령마다 클러스터 상태를 확인할게요.",
        "Do it in your sandbox with kubectl. I check the cluster after each command.",
    ),
    "review_practice_type": (
        "이걸 하는 명령어를 입력해 보세요.",
        "Type the command that does it.",
    ),
    "review_not_yet": (
        "아직 클러스터가 그 상태가 아니에요. 다시 해 보거나 힌트를 보세요.",
        "The cluster isn't in that state yet. Try again, or take a hint.",
    ),
    "review_forgot": (
        "괜찮아요. 곧 다시 물어볼게요. 정답은:",
        "No problem, it will come back soon. The answer:",
    ),
    "review_stale": (
        "이 복습 카드는 이미 끝났어요. /review 로 지금 복습할 카드를 볼 수 있어요.",
        "That review is already done. See what is due now with /review.",
    ),
    "review_nothing_due": ("지금은 복습할 카드가 없어요. 🎉", "Nothing to review right now. 🎉"),
    "review_none_yet": (
        "아직 복습 카드가 없어요. 레슨 퀴즈를 풀면 카드가 생겨요. /next",
        "No review cards yet: every quiz question you answer becomes one. /next",
    ),
    "review_more_due": (
        "아직 {count}개가 더 남았어요. /review 로 이어서 해요.",
        "{count} more are due. Go on with /review.",
    ),
    "review_next_day": ("✅ 다음 복습: {day}", "✅ Next reviews due: {day}"),
    "review_reminder_at": (
        "⏰ {when}({zone})에 알려 드릴게요.",
        "⏰ I'll remind you {when} ({zone}).",
    ),
    "button_hint": ("💡 힌트", "💡 Hint"),
    "button_forgot": ("기억이 안 나요", "I don't remember"),
    "progress_picture": (
        "레슨, 정답률, 앞으로 14일의 복습",
        "Lessons, accuracy, and reviews over the next 14 days",
    ),
    "remind_settings": (
        "⏰ 복습 알림: 매일 {time} ({zone})\n조용한 시간: {quiet}\n하루 최대 {cap}개",
        "⏰ Review reminders: daily at {time} ({zone})\nQuiet hours: {quiet}\n"
        "At most {cap} reviews a day",
    ),
    "remind_no_quiet": ("없음", "none"),
    "remind_off": (
        "🔕 복습 알림이 꺼져 있어요 ({zone}). /remind 20:00 으로 다시 켤 수 있어요.",
        "🔕 Review reminders are off ({zone}). Turn them on with /remind 20:00.",
    ),
    "remind_next": ("다음 알림: {when}", "Next reminder: {when}"),
    "remind_bad_zone": (
        "{zone} 은(는) 모르는 시간대예요. Asia/Seoul, Europe/Berlin 처럼 써 주세요.",
        "I don't know the time zone {zone}. Write it like Asia/Seoul or Europe/Berlin.",
    ),
    "remind_bad_cap": (
        "하루 최대 개수는 1에서 200 사이로 정해 주세요.",
        "The daily cap is a number from 1 to 200.",
    ),
    "remind_usage": (
        "이렇게 써요:\n/remind 20:00\n/remind 20:00 Asia/Seoul\n/remind off\n"
        "/remind quiet 22:00-08:00\n/remind cap 20",
        "Use it like this:\n/remind 20:00\n/remind 20:00 Europe/Berlin\n/remind off\n"
        "/remind quiet 22:00-08:00\n/remind cap 20",
    ),
}


def say(key: str, language: Language, **values: object) -> str:
    """The sentence ``key`` in ``language``, with ``values`` filled in."""
    korean, english = _TEXTS[key]
    template = korean if language == "ko" else english
    return template.format(**values) if values else template


def language_from_client(code: str | None) -> Language:
    """The course language for a client's language code; Korean unless it is English."""
    return "en" if code and code.lower().startswith("en") else "ko"


def learner_language(learner: LearnerRecord) -> Language:
    """The language a learner reads: English when chosen, Korean otherwise."""
    return "en" if learner.language == "en" else "ko"
