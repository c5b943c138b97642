/** Test harness of the CDK app: the example deployment, synthesized once, and the template as plain data. */
package io.leavebot.infra.testing;
