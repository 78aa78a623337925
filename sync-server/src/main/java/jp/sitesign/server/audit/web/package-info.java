/**
 * The audit log's HTTP face (search, export, verification). It sits above {@code auth}, which itself writes
 * into the log ({@code audit}), so that the log and the login do not depend on each other.
 */
package jp.sitesign.server.audit.web;
