/** Wire types of the Lambda durable execution protocol, with the service's JSON member names. */
package io.leavebot.durable.model;
