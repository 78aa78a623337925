/**
 * Deliberately bad (and allowed) classes that only {@link jp.sitesign.server.ArchitectureRulesBiteTest} scans:
 * they show that the rules of {@link jp.sitesign.server.ArchitectureTest} fail when broken. Production rules
 * never see them (tests are excluded from their import).
 */
package jp.sitesign.server.archfixture;
