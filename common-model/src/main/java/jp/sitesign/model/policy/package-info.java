/**
 * 誰が何をできるか: the one place that decides who may do what.
 *
 * <p>{@link jp.sitesign.model.policy.AccessPolicy#decide AccessPolicy.decide} is called by the sync
 * server to enforce every request and by the desktop app to enable controls, so both always agree.
 * It is a pure function of an {@link jp.sitesign.model.policy.Actor}, an
 * {@link jp.sitesign.model.policy.Action} and a {@link jp.sitesign.model.policy.Resource}: callers
 * gather the facts (account state, contract route, signing authority) and the policy only judges
 * them. It never reads a clock, a database or the network.
 *
 * <p>The policy decides <em>who</em> may act, not <em>which</em> status transition follows; that is
 * the contract lifecycle's job. The service operator is not an actor here: operator work goes
 * through the server CLI and never through this policy.
 */
package jp.sitesign.model.policy;
