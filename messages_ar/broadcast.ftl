## /broadcast: a coordinator's message to many people, and its delivery summary.

bc-ask-text = اكتب نص الرسالة التي تريد إرسالها (حتى { $max } حرف).
bc-use-buttons = يرجى الاختيار من الأزرار أعلاه، أو الإلغاء.
bc-text-length = يجب أن يكون طول الرسالة بين حرف واحد و{ $max } حرف، وطول رسالتك { $length }. اكتبها من جديد.
bc-choose-audience = إلى من تريد إرسال هذه الرسالة؟
bc-audience-all = 👥 جميع المشاركين المسجلين
bc-audience-followers = 🔔 متابعو التزام معيّن
bc-audience-liaisons = 🏛 ضباط الارتباط
bc-audience-round = 🗣 المشاركون في جولة تشاور
bc-choose-commitment = اختر الالتزام الذي تريد مراسلة متابعيه:
bc-choose-round = اختر جولة التشاور:
bc-no-rounds = لا توجد جولات تشاور بعد.
bc-preview =
    معاينة الرسالة:

    { $text }

    { $count ->
        [zero] لا يوجد من يستقبل هذه الرسالة.
        [one] ستصل إلى شخص واحد.
        [two] ستصل إلى شخصين.
        [few] ستصل إلى { $count } أشخاص.
        [many] ستصل إلى { $count } شخصاً.
       *[other] ستصل إلى { $count } شخص.
    }
bc-quiet-hours = الوقت الآن ضمن ساعات الهدوء، لذا ستُرسل في { $date } الساعة { $time }.
bc-send-button = ✅ إرسال
bc-cancel-button = ✖️ إلغاء
bc-cancelled = أُلغيت الرسالة ولم يُرسل شيء.
bc-heading =
    📢 رسالة من فريق التنسيق:

    { $text }
bc-queued = { $count ->
    [zero] لم تُرسل الرسالة: لا يوجد مستقبلون.
    [one] وُضعت الرسالة في قائمة الإرسال إلى شخص واحد. سأبلغك بنتيجة الإرسال عند انتهائه.
    [two] وُضعت الرسالة في قائمة الإرسال إلى شخصين. سأبلغك بنتيجة الإرسال عند انتهائه.
    [few] وُضعت الرسالة في قائمة الإرسال إلى { $count } أشخاص. سأبلغك بنتيجة الإرسال عند انتهائه.
    [many] وُضعت الرسالة في قائمة الإرسال إلى { $count } شخصاً. سأبلغك بنتيجة الإرسال عند انتهائه.
   *[other] وُضعت الرسالة في قائمة الإرسال إلى { $count } شخص. سأبلغك بنتيجة الإرسال عند انتهائه.
}
bc-summary =
    انتهى إرسال رسالتك الجماعية إلى { $total ->
        [one] شخص واحد
        [two] شخصين
        [few] { $total } أشخاص
        [many] { $total } شخصاً
       *[other] { $total } شخص
    }:
    ✅ وصلت: { $sent }
    ⚠️ تعذّر إرسالها: { $failed }
    🚫 أوقفوا البوت: { $unreachable }

command-broadcast = رسالة جماعية

# Who gets which text: one line per language its readers read (a coordinator may write one text per language).
bc-readers-same = 🌐 { $language }: { $count ->
        [one] شخص واحد، ويصله النص أعلاه.
        [two] شخصان، ويصلهما النص أعلاه.
        [few] { $count } أشخاص، ويصلهم النص أعلاه.
        [many] { $count } شخصاً، ويصلهم النص أعلاه.
       *[other] { $count } شخص، ويصلهم النص أعلاه.
    }
bc-readers-own =
    🌐 { $language }: { $count ->
        [one] شخص واحد، ويصله هذا النص:
        [two] شخصان، ويصلهما هذا النص:
        [few] { $count } أشخاص، ويصلهم هذا النص:
        [many] { $count } شخصاً، ويصلهم هذا النص:
       *[other] { $count } شخص، ويصلهم هذا النص:
    }

    { $text }
bc-version-button = ✍️ نص خاص بقرّاء { $language }
bc-ask-version = اكتب نص الرسالة لمن يقرؤون المنصة باللغة { $language } (حتى { $max } حرف). يصل النص الأول إلى البقية.
