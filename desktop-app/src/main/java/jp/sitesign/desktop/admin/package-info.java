/**
 * The admin screens (管理): users, the audit log, signing certificates and partnerships of the own company.
 * Online only, through {@link jp.sitesign.desktop.sync.ServerApi}; who may do what is the shared access
 * policy's decision, asked with the logged-in user's own account.
 */
package jp.sitesign.desktop.admin;
