locals {
  account_id    = data.aws_caller_identity.current.account_id
  instance_arns = "arn:aws:ec2:${var.region}:${local.account_id}:instance/*"
}

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

# The bot's role: read metrics, write its records, run SSM commands on tagged instances. Nothing else.
data "aws_iam_policy_document" "bot" {
  statement {
    sid       = "ReadMetrics"
    actions   = ["cloudwatch:GetMetricData"]
    resources = ["*"] # GetMetricData has no resource-level permissions
  }

  statement {
    sid       = "WriteRecords"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.records.arn}/*"]
  }

  statement {
    sid       = "RunCommandOnTaggedInstances"
    actions   = ["ssm:SendCommand"]
    resources = [local.instance_arns]

    condition {
      test     = "StringEquals"
      variable = "ssm:resourceTag/${var.managed_tag_key}"
      values   = ["true"]
    }
  }

  statement {
    sid       = "RunShellScriptDocument"
    actions   = ["ssm:SendCommand"]
    resources = ["arn:aws:ssm:${var.region}::document/AWS-RunShellScript"]
  }

  statement {
    sid       = "ReadOwnTokens"
    actions   = ["ssm:GetParameter"]
    resources = [aws_ssm_parameter.web_token.arn, aws_ssm_parameter.alertmanager_token.arn]
  }

  dynamic "statement" {
    for_each = var.allow_reboot ? [1] : []

    content {
      sid       = "RebootTaggedInstances"
      actions   = ["ec2:RebootInstances"]
      resources = [local.instance_arns]

      condition {
        test     = "StringEquals"
        variable = "aws:ResourceTag/${var.managed_tag_key}"
        values   = ["true"]
      }
    }
  }

  dynamic "statement" {
    for_each = var.allow_scaling ? [1] : []

    content {
      sid       = "ScaleTaggedGroups"
      actions   = ["autoscaling:SetDesiredCapacity"]
      resources = ["*"]

      condition {
        test     = "StringEquals"
        variable = "aws:ResourceTag/${var.managed_tag_key}"
        values   = ["true"]
      }
    }
  }

  dynamic "statement" {
    for_each = var.allow_scaling ? [1] : []

    content {
      sid       = "DescribeGroups"
      actions   = ["autoscaling:DescribeAutoScalingGroups"]
      resources = ["*"] # Describe calls have no resource-level permissions
    }
  }
}

resource "aws_iam_role" "bot" {
  name               = "${var.name}-bot"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_role_policy" "bot" {
  name   = "${var.name}-bot"
  role   = aws_iam_role.bot.id
  policy = data.aws_iam_policy_document.bot.json
}

resource "aws_iam_instance_profile" "bot" {
  name = "${var.name}-bot"
  role = aws_iam_role.bot.name
}

# The monitoring host only reads the Alertmanager token and the Grafana password.
data "aws_iam_policy_document" "monitoring" {
  statement {
    sid       = "ReadOwnTokens"
    actions   = ["ssm:GetParameter"]
    resources = [aws_ssm_parameter.alertmanager_token.arn, aws_ssm_parameter.grafana_admin.arn]
  }
}

resource "aws_iam_role" "monitoring" {
  name               = "${var.name}-monitoring"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_role_policy" "monitoring" {
  name   = "${var.name}-monitoring"
  role   = aws_iam_role.monitoring.id
  policy = data.aws_iam_policy_document.monitoring.json
}

resource "aws_iam_instance_profile" "monitoring" {
  name = "${var.name}-monitoring"
  role = aws_iam_role.monitoring.name
}
