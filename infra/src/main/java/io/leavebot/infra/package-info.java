/** The AWS CDK app that deploys LeaveBot: the leave table, the durable workflow, the front ends, IAM and alarms. */
package io.leavebot.infra;
