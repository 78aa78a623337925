/**
 * Deliberately bad classes for {@code ArchitectureTest}: a kit that reaches back up into a feature that
 * uses it, the package cycle the desktop's rule forbids. Scanned only by that test (the production rules
 * do not import test classes), so it proves the rule fails where it should.
 */
package jp.sitesign.desktop.archfixture;
