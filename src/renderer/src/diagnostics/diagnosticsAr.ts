import type { DiagnosticsTranslation } from './diagnosticsEn';

export const diagnosticsAr: DiagnosticsTranslation = {
  diagnostics: {
    title: 'المساعدة من الدعم الفني',
    intro:
      'إذا لم يعمل ChapterDesk كما ينبغي، فصدِّر ملف تشخيص وأرسله إلى من يساعدك فيه. يحتوي على إصدار ChapterDesk وعدد السجلات في كل قائمة وحالة المزامنة والسجل الأخير: لا اسم ولا بريد إلكتروني ولا هاتف لأي عضو، ولا شيء يتيح لأحد أن يزامن باسم هذا الحاسوب.',
    export: 'تصدير التشخيص',
    exporting: 'جارٍ التصدير…',
    saved: 'حُفظ التشخيص باسم {{name}}. افتحه لترى ما يحتويه قبل أن ترسله.',
  },
};
