## Menu, help and the answers that keep a person oriented.

# How enumerations are separated (Messages.join): the Arabic comma and a space.
list-separator = {"، "}
list-and = { $rest } و{ $last }
page-shown-all = تُعرض كلها
page-shown-one = تُعرض رقم { $number }
page-shown-range = تُعرض { $first }–{ $last }

menu-title = ماذا تودّ أن تفعل الآن؟
menu-recommend = ✍️ تقديم توصية
menu-status = 📊 حالة الالتزامات
menu-my = 📁 توصياتي
menu-help = ❔ مساعدة
menu-register = 📝 التسجيل


    الأوامر المتاحة:
    /start — البدء والتسجيل
    /recommend — تقديم توصية على أحد الالتزامات
    /status — حالة تنفيذ كل التزام
    /my — توصياتك وما وصلها من ردود
    /privacy — ما نحفظه من بياناتك ومن يطّلع عليه
    /language — لغة المنصة: العربية أو الإنجليزية
    /cancel — إلغاء العملية الجارية
    /help — هذه الرسالة

    يمكنك أيضاً كتابة: قائمة، توصية، حالة، توصياتي، إلغاء، مساعدة، اللغة.

command-start = البدء والتسجيل
command-recommend = تقديم توصية على التزام
command-status = حالة تنفيذ الالتزامات
command-my = توصياتي والردود عليها
command-help = المساعدة
command-cancel = إلغاء العملية الجارية
command-menu = القائمة الرئيسية

keyword-menu = قائمة
keyword-recommend = توصية
keyword-status = حالة
keyword-my = توصياتي
keyword-help = مساعدة
keyword-cancel = إلغاء
keyword-start = ابدأ

cancelled = تم الإلغاء، ولم يُحفظ شيء مما كنت تكتبه.
nothing-to-cancel = لا توجد عملية جارية لإلغائها.
not-understood = لم أفهم رسالتك. اختر مما يلي أو اكتب /help للمساعدة.
unknown-command = هذا الأمر غير معروف. اختر مما يلي أو اكتب /help للمساعدة.
stale-button = هذا الزر من رسالة سابقة ولم يعد صالحاً. إليك الخيارات الحالية:
use-buttons = اختر من الأزرار أعلاه، أو اكتب /cancel للخروج.
unknown-button = لم أتعرّف على هذا الزر. إليك الخيارات الحالية:
non-text-message = لا أستطيع استخدام هذا هنا. اكتب رسالتك نصاً، أو أرسل تسجيلاً صوتياً لتقديم توصية.
internal-error = نعتذر، حدث خطأ من جهتنا ولم يُحفظ شيء. حاول مرة أخرى بعد قليل.
busy-error = النظام مشغول الآن، ولم يَضِعْ شيء مما أرسلت. أعد المحاولة بعد دقيقة من فضلك.
need-registration = نحتاج أولاً إلى تسجيلك، ولن يستغرق ذلك أكثر من دقيقة؛ بعده نكمل ما طلبته.
more = التالي ⬅️
previous = ➡️ السابق
cancel-button = ✖️ إلغاء

parked-resume = ↩️ متابعة المسودة
parked-drop = 🗑️ حذف المسودة
parked-dropped = حُذفت المسودة.

# The terminal chat, under the choices of a step that takes typed text (there a typed number is the number).
console-type-choice = (اكتب أحد هذه الخيارات كما هو، أو اكتب إجابتك)

## /help (handlers/command_help.py): generated from the commands each person may use.

help-intro = هذا البوت يتيح لك متابعة الخطة الوطنية لشراكة الحكومات الشفافة والمساهمة فيها. ومن صفحة أي التزام في /status يمكنك تأييد توصيات الآخرين.
help-everyone = الأوامر المتاحة:
help-officers = لضباط الارتباط:
help-coordinators = للمنسقين:
help-line = /{ $command } — { $description }
help-keywords = يمكنك أيضاً كتابة: قائمة، توصية، حالة، توصياتي، إلغاء، مساعدة، اللغة.
command-unfollow = إيقاف متابعة التزام
command-forget = حذف بياناتك الشخصية
command-join = الانضمام برمز دعوة أو رمز جولة تشاور
keyword-search = بحث
