"""Korean metadata constructions (see generic/metadata.py for each name)."""

DATE_LABELS = ("입력", "등록", "기사입력", "게재", "발행", "송고", "승인", "기사승인", "최초입력", "입력일")
UPDATE_LABELS = ("수정", "최종수정", "업데이트")
TIME_PREFIXES = ("오전", "오후")
BYLINE_PREFIXES = ()
# "[서울=뉴시스]", "(서울=연합뉴스)": a place and the agency that wrote the story.
SELF_REPORTS = (r"^[\[(](?:[^\W\d_]{1,10})=(?P<name>[^\W\d_][\w]{1,14})[\])]",)
SELF_CREDITS = ()
COPYRIGHT_WORDS = ("©", "ⓒ", "(c)", "copyright", "무단 전재", "무단전재", "무단 복제", "무단복제", "재배포 금지",
                   "공감언론")
PHOTO_WORDS = ("사진", "영상", "그래픽")
