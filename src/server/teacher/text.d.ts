// Types for the teacher page's text module (plain JavaScript, served as is).
export declare const TEXT: Record<'en' | 'zh-CN', Record<string, string>>;
