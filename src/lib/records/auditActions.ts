/**
 * The moderation log's vocabulary, shared by the server (which writes it) and the log page (which
 * labels it). Plain data, safe on the client.
 */

/** The moderation log's vocabulary. */
export const AUDIT_ACTIONS = [
	'sign-in',
	'sign-in-failed',
	'sign-out',
	'publish',
	'unpublish',
	'reject',
	'archive',
	'resolve',
	'restore',
	'delete',
	'hard-delete',
	'merge',
	'edit',
	'create',
	'source-edit',
	'page-upload',
	'suggestion-apply',
	'suggestion-dismiss',
	'user-create',
	'user-disable',
	'user-enable',
	'user-reset',
	'password-change',
	'user-role',
	'report-resolve',
	'address-block',
	'address-unblock',
	'link-confirm',
	'link-remove',
	'session-end'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Plain Chinese for the log page. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
	'user-role': '更改角色',
	'page-upload': '上传版面',
	'sign-in': '登录',
	'sign-in-failed': '登录失败',
	'sign-out': '退出登录',
	publish: '发布',
	unpublish: '撤销发布',
	reject: '驳回',
	archive: '归档',
	resolve: '标记已解决',
	restore: '恢复',
	delete: '删除（归档）',
	'hard-delete': '永久删除',
	merge: '合并重复',
	edit: '编辑',
	create: '新建',
	'source-edit': '修改报纸信息',
	'suggestion-apply': '采纳重新导入的修改',
	'suggestion-dismiss': '忽略重新导入的修改',
	'user-create': '创建账号',
	'user-disable': '停用账号',
	'user-enable': '启用账号',
	'user-reset': '重置密码',
	'password-change': '修改本人密码',
	'report-resolve': '处理信息有误反馈',
	'address-block': '封禁提交地址',
	'address-unblock': '解除封禁地址',
	'link-confirm': '确认相关信息',
	'link-remove': '取消相关信息',
	'session-end': '结束登录会话'
};
