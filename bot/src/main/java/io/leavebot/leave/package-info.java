/** The leave domain: requests, statuses, validation, working days, approver routing and the {@link io.leavebot.leave.LeaveStore} port. */
package io.leavebot.leave;
