## The IRM's assessments (coordinators enter what the Independent Reporting Mechanism published), and OGP's values.

irm-completion-not_started = لم يبدأ
irm-completion-limited = محدود
irm-completion-substantial = جوهري
irm-completion-complete = مكتمل
irm-completion-no_evidence = لا تتوفر أدلة
irm-og-worsened = تراجع
irm-og-did_not_change = لم يتغيّر
irm-og-marginal = هامشي
irm-og-major = كبير
irm-og-outstanding = استثنائي
irm-impact-none = لا أثر
irm-impact-minor = طفيف
irm-impact-moderate = متوسط
irm-impact-transformative = تحويلي
irm-starred-yes = ⭐ نعم
irm-starred-no = لا
irm-field-completion_midterm = الإنجاز في منتصف المدة
irm-field-completion_end = الإنجاز في نهاية المدة
irm-field-open_government = الأثر في انفتاح الحكومة
irm-field-potential_impact = الأثر المحتمل
irm-field-starred = التزام مميّز (نجمة)
irm-field-source_url = رابط تقرير الآلية

ogp-value-access_to_information = الوصول إلى المعلومات
ogp-value-civic_participation = المشاركة المدنية
ogp-value-public_accountability = المساءلة العامة
ogp-value-technology_innovation = التكنولوجيا والابتكار

irm-title = تقييم آلية الإبلاغ المستقلة للالتزام { $number }: { $title }
irm-line = • { $field }: { $value }
irm-not-entered = لم يُدخل بعد
irm-choose-commitment = أي التزام تريد إدخال تقييم الآلية المستقلة له؟
irm-choose-field = اختر ما تريد إدخاله أو تعديله كما نشرته الآلية المستقلة:
irm-choose-value = { $field }: اختر القيمة كما وردت في تقرير الآلية المستقلة.
irm-clear = 🗑 مسح القيمة
irm-back = ↩️ التقييم
irm-ask-url = أرسل رابط تقرير الآلية المستقلة الذي ورد فيه التقييم (يبدأ بـ https://).
irm-url-invalid = هذا لا يبدو رابطاً صالحاً. أرسل رابطاً يبدأ بـ https:// أو اكتب /cancel.
irm-saved = حُفظ: { $field }.
irm-open = 🔎 تقييم الآلية المستقلة
command-irm = إدخال تقييمات آلية الإبلاغ المستقلة

status-tracks = مسارا المتابعة:
status-track-self = • تقرير الجهة المنفذة: { $completion } — { $progress }%
status-track-irm = • الآلية المستقلة: { $assessment }
status-track-irm-none = • الآلية المستقلة: لم يُدخل تقييمها بعد
status-supporting = الجهات الداعمة: { $institutions }
status-values = قيم الشراكة: { $values }

rep-irm = تقييم آلية الإبلاغ المستقلة: { $assessment }.
rep-irm-item = { $field }: { $value }
rep-irm-source = المصدر: { $url }
exp-sheet-commitments = الالتزامات
exp-col-plan-number = رقم الخطة
exp-col-short-title = العنوان المختصر
exp-col-ogp-theme = مجال الشراكة
exp-col-lead = الجهة الرئيسية
exp-col-supporting = الجهات الداعمة
exp-col-self-completion = الإنجاز حسب تقرير الجهة
